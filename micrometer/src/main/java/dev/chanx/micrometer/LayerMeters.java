package dev.chanx.micrometer;

import dev.chanx.server.layer.LayerTelemetry;
import dev.chanx.server.telemetry.TagTable;
import io.micrometer.core.instrument.DistributionSummary;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import java.time.Duration;
import java.util.concurrent.TimeUnit;
import java.util.function.UnaryOperator;

/** Group sends: fan-out duration and size per channel and origin, and the layer's lag. */
final class LayerMeters implements LayerTelemetry {

  private final UnaryOperator<String> channelOf;
  // Channel -> its meters: group keys are many, so only their channels are kept.
  private final TagTable<Fanout> local;
  private final TagTable<Fanout> remote;
  private final TagTable<Timer> lag;

  LayerMeters(MeterRegistry registry, UnaryOperator<String> channelOf) {
    this.channelOf = channelOf;
    this.local = new TagTable<>(c -> new Fanout(registry, c, MeterNames.LOCAL));
    this.remote = new TagTable<>(c -> new Fanout(registry, c, MeterNames.REMOTE));
    this.lag = new TagTable<>(c -> Timer.builder(MeterNames.LAYER_LAG).tag("channel", c)
        .description("Wall-clock time from a group send on one node to its delivery on another")
        .publishPercentileHistogram()
        .minimumExpectedValue(Duration.ofMillis(1))
        .maximumExpectedValue(Duration.ofSeconds(30))
        .pauseDetector(MessageMeters.NO_PAUSES)
        .register(registry));
  }

  @Override
  public Sending sending(String group) {
    return local.get(channelOf.apply(group));
  }

  @Override
  public void received(String group, String context, long sentAtMillis, int recipients, long startNanos) {
    String channel = channelOf.apply(group);
    remote.get(channel).done(recipients, startNanos);
    if (sentAtMillis > 0) {
      lag.get(channel).record(Math.max(0, System.currentTimeMillis() - sentAtMillis), TimeUnit.MILLISECONDS);
    }
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
