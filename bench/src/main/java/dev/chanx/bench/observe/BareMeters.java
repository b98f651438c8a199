package dev.chanx.bench.observe;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.DistributionSummary;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import io.micrometer.core.instrument.distribution.pause.NoPauseDetector;
import java.time.Duration;

/**
 * The five meters chanx-micrometer records into for a client frame and its group send, built as
 * it builds them (the same percentile histograms, bounds and pause detector) under names of their
 * own, for experiments that record into Micrometer with none of chanx's code around it.
 *
 * @param bytes the frame's size
 * @param ok the frame's outcome
 * @param handled the frame's handler time
 * @param fanout the group send's time
 * @param recipients the group send's recipients
 */
record BareMeters(Counter bytes, Counter ok, Timer handled, Timer fanout, DistributionSummary recipients) {

  /** {@return the five meters, registered in {@code registry}} */
  static BareMeters register(MeterRegistry registry) {
    NoPauseDetector noPauses = new NoPauseDetector();
    return new BareMeters(
        Counter.builder("bare.frames.received.bytes").register(registry),
        Counter.builder("bare.frames.received").register(registry),
        Timer.builder("bare.handler.duration").publishPercentileHistogram()
            .minimumExpectedValue(Duration.ofNanos(10_000)).maximumExpectedValue(Duration.ofSeconds(10))
            .pauseDetector(noPauses).register(registry),
        Timer.builder("bare.broadcast.duration").publishPercentileHistogram()
            .minimumExpectedValue(Duration.ofNanos(1_000)).maximumExpectedValue(Duration.ofSeconds(1))
            .pauseDetector(noPauses).register(registry),
        DistributionSummary.builder("bare.broadcast.recipients").register(registry));
  }
}
