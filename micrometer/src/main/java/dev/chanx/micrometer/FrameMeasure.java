package dev.chanx.micrometer;

import dev.chanx.server.telemetry.FrameScope;
import java.util.concurrent.TimeUnit;

/** One client frame being handled: counted, and timed if it reaches its handler, when closed. */
final class FrameMeasure implements FrameScope {

  private final MessageMeters meters;
  private final long start;
  private boolean invalid;
  private boolean failed;

  FrameMeasure(MessageMeters meters, int size) {
    this.meters = meters;
    meters.bytes.increment(size);
    this.start = System.nanoTime();
  }

  @Override
  public void invalid(String rule) {
    invalid = true;
    meters.failures(rule).increment();
  }

  @Override
  public void failed(Throwable error) {
    failed = true;
  }

  @Override
  public void close() {
    if (invalid) {
      meters.invalid.increment();
      return;
    }
    long took = System.nanoTime() - start;
    if (failed) {
      meters.handlerError.increment();
      meters.handledError.record(took, TimeUnit.NANOSECONDS);
    } else {
      meters.ok.increment();
      meters.handledOk.record(took, TimeUnit.NANOSECONDS);
    }
  }
}
