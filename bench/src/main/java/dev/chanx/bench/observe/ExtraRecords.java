package dev.chanx.bench.observe;

import dev.chanx.server.telemetry.ChannelTelemetry;
import dev.chanx.server.telemetry.FrameScope;
import dev.chanx.server.telemetry.Telemetry;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import io.micrometer.core.instrument.distribution.pause.NoPauseDetector;
import java.time.Duration;
import java.util.concurrent.TimeUnit;

/**
 * An experiment's telemetry, chained after the meters: each client frame is also recorded in N
 * timers of its own ({@code -Dchanx.bench.extra-records=N}), each built as the handler-duration
 * timer is (a percentile histogram, no pause detector). Against the same with N = 0 (the same
 * scope and clock reads, no record) it measures what one more Micrometer record per frame costs
 * under the load: about the same for each (a cost per record), or little once the meters' code
 * has run in the frame (a cost per frame for touching that code at all).
 */
final class ExtraRecords implements Telemetry {

  private final Timer[] timers;

  ExtraRecords(MeterRegistry registry, int count) {
    if (count < 0) {
      throw new IllegalArgumentException("-Dchanx.bench.extra-records takes 0 or more, not " + count);
    }
    timers = new Timer[count];
    for (int i = 0; i < count; i++) {
      timers[i] = Timer.builder("bench.extra.duration").tag("index", String.valueOf(i))
          .publishPercentileHistogram()
          .minimumExpectedValue(Duration.ofNanos(10_000))
          .maximumExpectedValue(Duration.ofSeconds(10))
          .pauseDetector(new NoPauseDetector())
          .register(registry);
    }
  }

  @Override
  public ChannelTelemetry channel(String name, String address) {
    return new ChannelTelemetry() {
      @Override
      public FrameScope frame(String message, int size, String traceparent) {
        return new Scope(timers, System.nanoTime());
      }
    };
  }

  /** A frame's scope that records its time in every extra timer when it closes. */
  private record Scope(Timer[] timers, long start) implements FrameScope {

    @Override
    public void close() {
      long took = System.nanoTime() - start;
      for (Timer timer : timers) {
        timer.record(took, TimeUnit.NANOSECONDS);
      }
    }
  }
}
