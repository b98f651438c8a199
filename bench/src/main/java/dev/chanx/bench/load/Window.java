package dev.chanx.bench.load;

import java.util.concurrent.atomic.LongAdder;

/**
 * What one run counts: messages stamped inside the measured window, their deliveries and the
 * latency of each. Both bounds are fixed before the window opens, so senders and receivers agree
 * on which messages belong to it.
 */
final class Window {

  private static final long LEAD_NANOS = 50_000_000;

  final Histogram latencies = new Histogram();
  final LongAdder sent = new LongAdder();
  final LongAdder skipped = new LongAdder();
  final LongAdder expected = new LongAdder();
  final LongAdder other = new LongAdder();
  private volatile long start = Long.MAX_VALUE;
  private volatile long end = Long.MAX_VALUE;

  /** Measures messages sent from a moment just ahead for {@code nanos}; returns that moment. */
  long open(long nanos) {
    long from = System.nanoTime() + LEAD_NANOS;
    end = from + nanos;
    start = from;
    return from;
  }

  boolean contains(long stamp) {
    return stamp >= start && stamp < end;
  }

  /** A client sent a message stamped {@code stamp} that {@code recipients} others should get. */
  void sent(long stamp, int recipients) {
    if (contains(stamp)) {
      sent.increment();
      expected.add(recipients);
    }
  }

  /** A client skipped its turn: its previous message was still being written. */
  void skipped(long stamp) {
    if (contains(stamp)) {
      skipped.increment();
    }
  }

  /** A client received a message stamped {@code stamp}. */
  void received(long stamp, long now) {
    if (contains(stamp)) {
      latencies.record((now - stamp) / 1000);
    }
  }
}
