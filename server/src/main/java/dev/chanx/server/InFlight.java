package dev.chanx.server;

import java.time.Duration;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

/** Counts client frames being handled, so that a stop can let them finish and refuse new ones. */
final class InFlight {

  private final AtomicInteger running = new AtomicInteger();
  private final CountDownLatch idle = new CountDownLatch(1);
  private volatile boolean closed;

  /** Admits one frame; false once closing, and then {@link #exit} must not be called. */
  boolean enter() {
    running.incrementAndGet();
    if (closed) {
      exit();
      return false;
    }
    return true;
  }

  /** Marks an admitted frame as handled. */
  void exit() {
    if (running.decrementAndGet() == 0 && closed) {
      idle.countDown();
    }
  }

  /** Admits no more frames. */
  void close() {
    closed = true;
    if (running.get() == 0) {
      idle.countDown();
    }
  }

  /** Waits until every admitted frame is handled; false if the timeout came first. */
  boolean awaitIdle(Duration timeout) throws InterruptedException {
    return idle.await(Math.max(0, timeout.toNanos()), TimeUnit.NANOSECONDS);
  }
}
