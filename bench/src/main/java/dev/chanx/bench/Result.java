package dev.chanx.bench;

import java.util.Locale;

/**
 * What one scenario measured.
 *
 * @param name the scenario
 * @param seconds the measured window
 * @param sent messages sent in the window
 * @param skipped sends skipped because the client's previous message was still being written
 * @param expected deliveries owed for the messages sent: each reaches every other client in its room
 * @param latencies the latency of each delivery received, sorted, in nanoseconds
 * @param jvmCpuSeconds CPU time of this JVM in the window (servers and load clients together)
 * @param redisCpuSeconds CPU time of redis-server in the window, NaN when Redis is not used
 */
record Result(String name, int seconds, long sent, long skipped, long expected, long[] latencies,
    double jvmCpuSeconds, double redisCpuSeconds) {

  static final String HEADER = "| scenario | sent msg/s | delivered msg/s | lost | p50 ms | p95 ms | p99 ms | max ms "
      + "| JVM CPU s | Redis CPU s |\n|---|---|---|---|---|---|---|---|---|---|";

  /** One Markdown table row. */
  String row() {
    long delivered = latencies.length;
    return String.format(Locale.ROOT, "| %s | %.0f | %.0f | %d | %.1f | %.1f | %.1f | %.1f | %.1f | %s |",
        name, (double) sent / seconds, (double) delivered / seconds, Math.max(0, expected - delivered),
        millis(0.50), millis(0.95), millis(0.99), millis(1.0), jvmCpuSeconds,
        Double.isNaN(redisCpuSeconds) ? "-" : String.format(Locale.ROOT, "%.1f", redisCpuSeconds));
  }

  private double millis(double quantile) {
    if (latencies.length == 0) {
      return Double.NaN;
    }
    int index = (int) Math.min(latencies.length - 1, Math.ceil(quantile * latencies.length) - 1);
    return latencies[Math.max(0, index)] / 1e6;
  }
}
