package dev.chanx.bench.load;

import java.util.Locale;
import java.util.Map;

/**
 * What one run measured. Latencies in milliseconds, CPU in seconds over the measured window.
 *
 * @param negotiated the extensions the server accepted, as the client saw them
 * @param expected deliveries owed for the messages sent in the window
 * @param delivered deliveries of those messages received by the end of the drain
 * @param otherCpu CPU time the rest of the machine used in the window (neither server nor load client):
 *     how much other work competed with the run
 * @param attempts how many times the run was made: it is repeated while other work disturbs it
 * @param serverThreads the server's CPU seconds in the window by thread group ({@link ThreadCpu#GROUPS})
 * @param threadCpu the server's CPU seconds in the window summed over its threads in nanoseconds
 *     ({@link ThreadCpu#totalSince}), finer than {@code serverCpu}'s 10 ms ticks; a thread that
 *     ended within the window is missing from it
 * @param threadsEnded how many of the server's threads ended within the window
 * @param syscalls read and write system calls the server made in the window, or -1 where unknown
 * @param timeslices how many times the scheduler put the server's threads on a CPU in the window
 */
record LoadResult(ServerKind server, LoadRun.Load load, String negotiated, long sent, long skipped, long expected,
    long delivered, double p50, double p95, double p99, double max, double mean, double serverCpu,
    double clientCpu, double otherCpu, int attempts, Map<String, Double> serverThreads, double threadCpu,
    int threadsEnded, long syscalls, long timeslices) {

  static final String HEADER = "| server | clients | rooms | compression | negotiated | sent/s | delivered/s | undelivered "
      + "| p50 ms | p95 ms | p99 ms | max ms | server CPU s | CPU µs/delivery | client CPU s | other CPU s | attempts |\n"
      + "|---|---|---|---|---|---|---|---|---|---|---|---|---|---|---|---|---|";

  static final String CSV_HEADER = "server,clients,rooms,rate,compression,negotiated,seconds,sent,skipped,expected,"
      + "delivered,p50_ms,p95_ms,p99_ms,max_ms,mean_ms,server_cpu_s,client_cpu_s,other_cpu_s,attempts";

  double deliveredPerSecond() {
    return (double) delivered / load.seconds();
  }

  double undelivered() {
    return expected == 0 ? 0 : Math.max(0, expected - delivered) / (double) expected;
  }

  /** Server CPU time per delivered message, in microseconds. */
  double cpuMicrosPerDelivery() {
    return delivered == 0 ? Double.NaN : serverCpu * 1e6 / delivered;
  }

  /** Server CPU time per delivered message in microseconds, from the threads' nanosecond times. */
  double threadMicrosPerDelivery() {
    return delivered == 0 ? Double.NaN : threadCpu * 1e6 / delivered;
  }

  /** {@return the server's read and write system calls per delivered message, NaN where unknown} */
  double syscallsPerDelivery() {
    return delivered == 0 || syscalls < 0 ? Double.NaN : (double) syscalls / delivered;
  }

  /** {@return how many times the server's threads went on a CPU per delivered message} */
  double timeslicesPerDelivery() {
    return delivered == 0 ? Double.NaN : (double) timeslices / delivered;
  }

  /** The server's JIT compiler threads' CPU seconds in the window. */
  double serverJitCpu() {
    return serverThreads.getOrDefault(ThreadCpu.JIT, 0.0);
  }

  /** {@return one thread group's CPU time per delivered message, in microseconds} */
  double threadMicrosPerDelivery(String group) {
    return delivered == 0 ? Double.NaN : serverThreads.getOrDefault(group, 0.0) * 1e6 / delivered;
  }

  /**
   * Server CPU time per delivered message, in microseconds, leaving out the JIT compiler's threads:
   * what the server's own work costs once compiled, where a short window also catches recompiles.
   */
  double cpuMicrosPerDeliveryWithoutJit() {
    return delivered == 0 ? Double.NaN : (serverCpu - serverJitCpu()) * 1e6 / delivered;
  }

  /** Cores other processes used on average in the window. */
  double otherCores() {
    return otherCpu / load.seconds();
  }

  /** The same result, as attempt {@code n}. */
  LoadResult attempt(int n) {
    return new LoadResult(server, load, negotiated, sent, skipped, expected, delivered, p50, p95, p99, max, mean,
        serverCpu, clientCpu, otherCpu, n, serverThreads, threadCpu, threadsEnded, syscalls, timeslices);
  }

  String row() {
    return String.format(Locale.ROOT,
        "| %s | %d | %d | %s | %s | %.0f | %.0f | %.2f %% | %.1f | %.1f | %.1f | %.1f | %.2f | %.1f | %.2f | %.2f | %d |",
        server.label, load.clients(), load.rooms(), load.compression(), negotiated, (double) sent / load.seconds(),
        deliveredPerSecond(), 100 * undelivered(), p50, p95, p99, max, serverCpu, cpuMicrosPerDelivery(), clientCpu,
        otherCpu, attempts);
  }

  String csv() {
    return String.format(Locale.ROOT, "%s,%d,%d,%.1f,%s,%s,%d,%d,%d,%d,%d,%.3f,%.3f,%.3f,%.3f,%.3f,%.3f,%.3f,%.3f,%d",
        server.id, load.clients(), load.rooms(), load.rate(), load.deflate() ? "deflate" : "none", negotiated,
        load.seconds(), sent, skipped, expected, delivered, p50, p95, p99, max, mean, serverCpu, clientCpu, otherCpu, attempts);
  }
}
