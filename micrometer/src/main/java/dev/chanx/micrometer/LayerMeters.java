package dev.chanx.micrometer;

import dev.chanx.server.layer.LayerTelemetry;
import io.micrometer.core.instrument.DistributionSummary;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import java.time.Duration;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import java.util.function.UnaryOperator;

/** Group sends: fan-out duration and size per channel and origin, and the layer's lag. */
final class LayerMeters implements LayerTelemetry {

  private final MeterRegistry registry;
  private final UnaryOperator<String> channelOf;
  // Group key -> the meters of its channel: group keys are many, so only channels are kept.
  private final ConcurrentHashMap<String, Fanout> local = new ConcurrentHashMap<>();
  private final ConcurrentHashMap<String, Fanout> remote = new ConcurrentHashMap<>();
  private final ConcurrentHashMap<String, Timer> lag = new ConcurrentHashMap<>();

  LayerMeters(MeterRegistry registry, UnaryOperator<String> channelOf) {
    this.registry = registry;
    this.channelOf = channelOf;
  }

  @Override
  public Sending sending(String group) {
    return fanout(local, group, MeterNames.LOCAL);
  }

  @Override
  public void received(String group, String context, long sentAtMillis, int recipients, long startNanos) {
    fanout(remote, group, MeterNames.REMOTE).done(recipients, startNanos);
    if (sentAtMillis > 0) {
      String channel = channelOf.apply(group);
      Timer timer = lag.computeIfAbsent(channel, c -> Timer.builder(MeterNames.LAYER_LAG).tag("channel", c)
          .description("Wall-clock time from a group send on one node to its delivery on another")
          .publishPercentileHistogram()
          .minimumExpectedValue(Duration.ofMillis(1))
          .maximumExpectedValue(Duration.ofSeconds(30))
          .pauseDetector(MessageMeters.NO_PAUSES)
          .register(registry));
      timer.record(Math.max(0, System.currentTimeMillis() - sentAtMillis), TimeUnit.MILLISECONDS);
    }
  }

  private Fanout fanout(ConcurrentHashMap<String, Fanout> byChannel, String group, String origin) {
    String channel = channelOf.apply(group);
    Fanout meters = byChannel.get(channel);
    if (meters == null) {
      meters = byChannel.computeIfAbsent(channel, c -> new Fanout(registry, c, origin));
    }
    return meters;
  }

  /** The fan-out meters of one channel and origin; as a Sending, it needs no object per send. */
  private static final class Fanout implements Sending {

    private final Timer duration;
    private final DistributionSummary recipients;

    Fanout(MeterRegistry registry, String channel, String origin) {
      duration = Timer.builder(MeterNames.BROADCAST_DURATION).tags("channel", channel, "origin", origin)
          .description("Time to deliver a group send to this node's members")
          .publishPercentileHistogram()
          .minimumExpectedValue(Duration.ofNanos(1_000))
          .maximumExpectedValue(Duration.ofSeconds(1))
          .pauseDetector(MessageMeters.NO_PAUSES)
          .register(registry);
      recipients = DistributionSummary.builder(MeterNames.BROADCAST_RECIPIENTS).tags("channel", channel, "origin", origin)
          .description("Members of this node a group send reached").register(registry);
    }

    @Override
    public boolean watched() {
      return true;
    }

    @Override
    public void done(int count, long startNanos) {
      duration.record(System.nanoTime() - startNanos, TimeUnit.NANOSECONDS);
      recipients.record(count);
    }
  }
}
