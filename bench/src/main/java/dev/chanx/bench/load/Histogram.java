package dev.chanx.bench.load;

import java.util.concurrent.atomic.AtomicLongArray;
import java.util.concurrent.atomic.LongAdder;

/**
 * Delivery latencies in microseconds, in fixed memory however many are recorded: exact below
 * 1,024 µs, then 512 buckets per power of two (under 0.2 % error), up to days.
 */
final class Histogram {

  private static final int LINEAR = 1024;
  private static final int SUB = 512;

  private final AtomicLongArray counts = new AtomicLongArray(LINEAR + 42 * SUB);
  private final LongAdder total = new LongAdder();
  private final LongAdder sum = new LongAdder();

  void record(long micros) {
    long v = Math.max(0, micros);
    counts.incrementAndGet(index(v));
    total.increment();
    sum.add(v);
  }

  long count() {
    return total.sum();
  }

  /** The latency at quantile {@code q} (0 to 1), in milliseconds; NaN when nothing was recorded. */
  double millis(double q) {
    long n = count();
    if (n == 0) {
      return Double.NaN;
    }
    long rank = Math.max(1, (long) Math.ceil(q * n));
    long seen = 0;
    for (int i = 0; i < counts.length(); i++) {
      seen += counts.get(i);
      if (seen >= rank) {
        return value(i) / 1000.0;
      }
    }
    return value(counts.length() - 1) / 1000.0;
  }

  double meanMillis() {
    long n = count();
    return n == 0 ? Double.NaN : sum.sum() / 1000.0 / n;
  }

  static int index(long v) {
    if (v < LINEAR) {
      return (int) v;
    }
    int exponent = 63 - Long.numberOfLeadingZeros(v);
    int sub = (int) ((v >>> (exponent - 9)) - SUB);
    return Math.min(LINEAR + (exponent - 10) * SUB + sub, LINEAR + 42 * SUB - 1);
  }

  static long value(int index) {
    if (index < LINEAR) {
      return index;
    }
    int exponent = (index - LINEAR) / SUB + 10;
    int sub = (index - LINEAR) % SUB;
    return ((long) (SUB + sub)) << (exponent - 9);
  }
}
