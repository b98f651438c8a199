package dev.chanx.bench;

import java.util.Arrays;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.AtomicLongArray;

/**
 * Collects the latency of every delivery of a message sent inside the measured window; a
 * fixed-size array, so memory stays bounded however long deliveries take.
 */
final class Recorder {

  private static final long LEAD_NANOS = 50_000_000;

  private final AtomicLongArray latencies;
  private final AtomicInteger recorded = new AtomicInteger();
  private final AtomicLong sent = new AtomicLong();
  private final AtomicLong skipped = new AtomicLong();
  private volatile long windowStart = Long.MAX_VALUE;
  private volatile long windowEnd = Long.MAX_VALUE;

  Recorder(int capacity) {
    latencies = new AtomicLongArray(capacity);
  }

  /**
   * Measures messages sent from a moment just ahead for this long; returns that moment.
   *
   * <p>Both bounds are set before the window opens, so a sender and a receiver always agree
   * on whether a message belongs to it.
   */
  long openWindow(long nanos) {
    long start = System.nanoTime() + LEAD_NANOS;
    windowStart = start;
    windowEnd = start + nanos;
    return start;
  }

  boolean inWindow(long sentNanos) {
    return sentNanos >= windowStart && sentNanos < windowEnd;
  }

  /** A client sent a message stamped {@code sentNanos}. */
  void sent(long sentNanos) {
    if (inWindow(sentNanos)) {
      sent.incrementAndGet();
    }
  }

  /** A client skipped its turn because its previous message was still being written. */
  void skipped(long sentNanos) {
    if (inWindow(sentNanos)) {
      skipped.incrementAndGet();
    }
  }

  /** A client received a message stamped {@code sentNanos}. */
  void received(long sentNanos, long receivedNanos) {
    if (inWindow(sentNanos)) {
      int i = recorded.getAndIncrement();
      if (i < latencies.length()) {
        latencies.set(i, receivedNanos - sentNanos);
      }
    }
  }

  long sentCount() {
    return sent.get();
  }

  long skippedCount() {
    return skipped.get();
  }

  /** The recorded latencies, sorted, in nanoseconds. */
  long[] sortedLatencies() {
    int n = Math.min(recorded.get(), latencies.length());
    long[] values = new long[n];
    for (int i = 0; i < n; i++) {
      values[i] = latencies.get(i);
    }
    Arrays.sort(values);
    return values;
  }
}
