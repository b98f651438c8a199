package dev.chanx.bench.load;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.function.ToDoubleFunction;
import java.util.stream.Collectors;

/**
 * Many short windows over kept connections, in pairs: both servers measured back to back, the
 * first of each pair alternating, so that whatever drifts on the machine (other work, the client's
 * own pace, the scheduler) is nearly the same for the two windows of a pair. The ratio of a pair is
 * then a fair sample of the on/off ratio; the median of many, with its order-statistic interval,
 * says how sure the figure is. CPU is the sum of the server's threads' nanosecond times
 * ({@link ThreadCpu}), not the process's 10 ms ticks.
 */
final class PairedWindows {

  private static final double LEVEL = 0.95;

  private PairedWindows() {}

  /**
   * Connects the load's clients to both servers, warms them up (unreported; at once when {@code
   * together}), runs the pairs
   * and {@return each pair's two results, "off" first}
   *
   * @param servers the "off" server, then the "on" one
   * @param warm the unreported window's load
   * @param load each measured window's load: its warm-up is the lead before the window
   * @param pairs how many pairs
   * @param drainMillis the wait after each window for its last deliveries
   * @param sides what to call the two servers in the report
   * @param together whether the two windows of a pair run at the same time, each server under its
   *     own clients' load, rather than one after the other
   * @param before how many pairs earlier launches measured: one after the other, the first of each
   *     pair alternates across launches too, as the report's pooled pairs assume
   * @param profiles what profiles the servers over the pairs, after the warm-up
   * @param order the servers' indexes in the order their clients connect, warm up and, with {@code
   *     together}, start each window: a launch's caller swaps it every other launch
   */
  static List<LoadResult[]> measure(List<ServerProcess> servers, LoadRun.Load warm, LoadRun.Load load, int pairs,
      long drainMillis, String[] sides, boolean together, int before, ServerProfiles profiles, int[] order)
      throws Exception {
    // By server, "off" first, as the results are kept.
    ClientFleet[] fleets = new ClientFleet[servers.size()];
    List<LoadResult[]> results = new ArrayList<>();
    try {
      for (int s : order) {
        fleets[s] = ClientFleet.connect(servers.get(s), load);
      }
      long leadMillis = load.warmupSeconds() * 1000L;
      ExecutorService both = Executors.newFixedThreadPool(2);
      if (together) {
        // Warmed as they are measured: each server under its own clients, at the same time.
        Future<LoadResult> first = both.submit(() -> fleets[order[0]].measure(warm));
        Future<LoadResult> second = both.submit(() -> fleets[order[1]].measure(warm));
        first.get();
        second.get();
      } else {
        for (int s : order) {
          fleets[s].measure(warm);
        }
      }
      profiles.start(servers);
      for (int p = 0; p < pairs; p++) {
        LoadResult[] pair = new LoadResult[2];
        if (together) {
          Future<LoadResult> first = both.submit(() -> fleets[order[0]].measure(load, leadMillis, drainMillis));
          Future<LoadResult> second = both.submit(() -> fleets[order[1]].measure(load, leadMillis, drainMillis));
          pair[order[0]] = first.get();
          pair[order[1]] = second.get();
        } else {
          for (int i = 0; i < 2; i++) {
            // Even pairs measure "off" first, odd pairs "on" first.
            int which = (before + p + i) % 2;
            pair[which] = fleets[which].measure(load, leadMillis, drainMillis);
          }
        }
        System.err.printf(Locale.ROOT, "[paired] %d/%d: %s %.3f, %s %.3f µs/delivery, p99 %.1f / %.1f ms%n", p + 1,
            pairs, sides[0], pair[0].threadMicrosPerDelivery(), sides[1], pair[1].threadMicrosPerDelivery(),
            pair[0].p99(), pair[1].p99());
        results.add(pair);
      }
      profiles.stop();
      both.shutdown();
    } finally {
      for (ClientFleet fleet : fleets) {
        if (fleet != null) {
          fleet.close();
        }
      }
    }
    return results;
  }

  /** {@return the report's section over pairs, which may come from several launches pooled} */
  static String section(List<LoadResult[]> pairs, String[] sides, LoadRun.Load load, long drainMillis,
      boolean together, int warmupSeconds) {
    int n = pairs.size();
    double[] cpuRatio = new double[n];
    double[] serverRatio = new double[n];
    double[] p99Ratio = new double[n];
    double[] cpuOff = new double[n];
    double[] cpuOn = new double[n];
    double[] p99Off = new double[n];
    double[] p99On = new double[n];
    double[] offFirst = new double[(n + 1) / 2];
    double[] onFirst = new double[n / 2];
    double jitOff = 0;
    double jitOn = 0;
    int ended = 0;
    StringBuilder rows = new StringBuilder("| pair | first | CPU µs/delivery " + sides[0] + " | " + sides[1]
        + " | ratio | p99 ms " + sides[0] + " | " + sides[1] + " | delivered " + sides[0] + " | " + sides[1]
        + " | other CPU s |\n|---|---|---|---|---|---|---|---|---|---|\n");
    for (int p = 0; p < n; p++) {
      LoadResult off = pairs.get(p)[0];
      LoadResult on = pairs.get(p)[1];
      cpuOff[p] = off.threadMicrosPerDelivery();
      cpuOn[p] = on.threadMicrosPerDelivery();
      cpuRatio[p] = cpuOn[p] / cpuOff[p];
      serverRatio[p] = on.threadMicrosPerDelivery(ThreadCpu.SERVER) / off.threadMicrosPerDelivery(ThreadCpu.SERVER);
      p99Off[p] = off.p99();
      p99On[p] = on.p99();
      p99Ratio[p] = p99On[p] / p99Off[p];
      if (p % 2 == 0) {
        offFirst[p / 2] = cpuRatio[p];
      } else {
        onFirst[p / 2] = cpuRatio[p];
      }
      jitOff += off.serverJitCpu();
      jitOn += on.serverJitCpu();
      ended += off.threadsEnded() + on.threadsEnded();
      rows.append(String.format(Locale.ROOT, "| %d | %s | %.3f | %.3f | %.3f | %.1f | %.1f | %d | %d | %.2f |%n", p + 1,
          together ? "both" : sides[p % 2], cpuOff[p], cpuOn[p], cpuRatio[p], p99Off[p], p99On[p], off.delivered(),
          on.delivered(),
          otherCpu(off, on, together)));
    }
    MedianInterval cpu = MedianInterval.of(cpuRatio, LEVEL);
    String crossover = together ? "" : String.format(Locale.ROOT, """
        | server CPU, per block of two pairs, one in each order (geometric mean of its two ratios) | | | **%s** |
        | the server's own threads, per block | | | %s |
        | p99, per block | | | %s |
        """, MedianInterval.of(blocks(cpuRatio), LEVEL).describe("blocks"),
        MedianInterval.of(blocks(serverRatio), LEVEL).describe("blocks"),
        MedianInterval.of(blocks(p99Ratio), LEVEL).describe("blocks"));
    String order = together
        ? "on both servers at the same time, each under its own clients' load (so the machine carries twice the load)"
        : "on one server and then the other, the first of each pair alternating (the other server's clients idle "
            + "meanwhile)";
    return String.format(Locale.ROOT, """
        ## Paired windows over kept connections%s

        Each server's clients connect once and stay connected; first %d s of unreported load%s. Then
        %d pairs: %d s of load, a %d s window, %d ms for its last deliveries, %s. CPU is
        the sum over the server's threads of their time on the CPU in nanoseconds
        (/proc/<pid>/task/*/schedstat), per delivery. Ratios are %s/%s per pair; the figure is their
        median, the interval its distribution-free %.0f %% interval from order statistics.

        | | %s | %s | ratio %s/%s |
        |---|---|---|---|
        | server CPU µs/delivery (median of windows) | %.3f | %.3f | **%s** |
        | the server's own threads (chanx*) only | | | %s |
        | p99 ms (median of windows) | %.1f | %.1f | **%s** |
        %s%s
        %s

        %sJIT compiler CPU over all windows: %s %.2f s, %s %.2f s. Threads that ended within a window
        (their last CPU time missing): %d.

        %s
        """, together ? ", at the same time" : "", warmupSeconds, together ? " on both at once" : " on each",
        n, load.warmupSeconds(), load.seconds(), drainMillis, order,
        sides[1], sides[0], 100 * LEVEL, sides[0], sides[1],
        sides[1], sides[0], median(cpuOff), median(cpuOn), cpu.describe(),
        MedianInterval.of(serverRatio, LEVEL).describe(), median(p99Off), median(p99On),
        MedianInterval.of(p99Ratio, LEVEL).describe(), crossover,
        perDelivery("read and write system calls per delivery (/proc/<pid>/io)", pairs,
            LoadResult::syscallsPerDelivery),
        perDelivery("times the server's threads went on a CPU per delivery (schedstat)", pairs,
            LoadResult::timeslicesPerDelivery),
        together ? "" : String.format(Locale.ROOT,
            "CPU ratio by which went first: %s first %s; %s first %s (a difference between these is what one "
                + "window leaves the next). One after the other, the per-pair ratios mix the two orders, so "
                + "their median can fall between the two; a block of two pairs, one in each order, cancels "
                + "what one window leaves the next, as a crossover trial does.%n%n", sides[0],
            MedianInterval.of(offFirst, LEVEL).describe(), sides[1], MedianInterval.of(onFirst, LEVEL).describe()), sides[0], jitOff, sides[1], jitOn, ended, rows);
  }

  /**
   * {@return the launches' part of the report: each launch's (fork's) medians of its per-pair
   * ratios with their intervals, and the median over launches} Each launch ran its own two fresh
   * server JVMs, so the JIT compiled each anew: the spread between launches shows what a single
   * launch's interval leaves out.
   */
  static String forks(List<List<LoadResult[]>> forks, String[] sides, boolean together) {
    int n = forks.size();
    double[] cpu = new double[n];
    double[] server = new double[n];
    double[] p99 = new double[n];
    StringBuilder rows = new StringBuilder("| fork | pairs | CPU ratio " + sides[1] + "/" + sides[0]
        + " | the server's own threads | p99 ratio |\n|---|---|---|---|---|\n");
    for (int f = 0; f < n; f++) {
      List<LoadResult[]> pairs = forks.get(f);
      double[] tail = new double[pairs.size()];
      for (int p = 0; p < tail.length; p++) {
        tail[p] = pairs.get(p)[1].p99() / pairs.get(p)[0].p99();
      }
      // One after the other, a launch's figures are its crossover blocks' (see section).
      MedianInterval fork = MedianInterval.of(together ? ratios(pairs, null) : blocks(ratios(pairs, null)), LEVEL);
      MedianInterval own = MedianInterval.of(
          together ? ratios(pairs, ThreadCpu.SERVER) : blocks(ratios(pairs, ThreadCpu.SERVER)), LEVEL);
      MedianInterval late = MedianInterval.of(together ? tail : blocks(tail), LEVEL);
      cpu[f] = fork.median();
      server[f] = own.median();
      p99[f] = late.median();
      String unit = together ? "pairs" : "blocks";
      rows.append(String.format(Locale.ROOT, "| %d (%s first) | %d | %s | %s | %s |%n", f + 1, sides[f % 2], pairs.size(), fork.describe(unit),
          own.describe(unit), late.describe(unit)));
    }
    return String.format(Locale.ROOT, """
        ## Launches (forks)

        %d launches, each with two fresh server JVMs (started, warmed up once, measured, stopped; the
        odd launches start, connect and load %s first, the even ones %s, so that neither side keeps
        the second place): the pooled figures above take every pair of every launch; here each launch's own median of its
        per-pair ratios (one after the other: of its blocks of two pairs). Median over launches: CPU **%s** (launches %s), the server's own threads
        %.3f, p99 %.3f. The pairs of one launch share its two server JVMs, so launches differ by more than
        the pooled interval allows for; the interval over launches, from their medians alone, counts that.

        %s
        """, n, sides[0], sides[1], MedianInterval.of(cpu, LEVEL).describe("launches"),
        Arrays.stream(cpu).mapToObj(r -> String.format(Locale.ROOT, "%.3f", r)).collect(Collectors.joining(", ")),
        median(server), median(p99), rows);
  }

  /**
   * {@return the geometric mean of each two consecutive ratios} One after the other, consecutive
   * pairs ran in opposite orders (off first, then on first), so a block of two cancels whatever the
   * first window of a pair leaves the second, to first order; a last odd pair is left out.
   */
  private static double[] blocks(double[] ratios) {
    double[] blocks = new double[ratios.length / 2];
    for (int b = 0; b < blocks.length; b++) {
      blocks[b] = Math.sqrt(ratios[2 * b] * ratios[2 * b + 1]);
    }
    return blocks;
  }

  /** {@return each pair's CPU per delivery on/off, of the whole server or of one thread group (group non-null)} */
  private static double[] ratios(List<LoadResult[]> pairs, String group) {
    double[] ratios = new double[pairs.size()];
    for (int p = 0; p < ratios.length; p++) {
      LoadResult off = pairs.get(p)[0];
      LoadResult on = pairs.get(p)[1];
      ratios[p] = group == null ? on.threadMicrosPerDelivery() / off.threadMicrosPerDelivery()
          : on.threadMicrosPerDelivery(group) / off.threadMicrosPerDelivery(group);
    }
    return ratios;
  }

  /**
   * {@return CPU seconds that neither server nor the load client used in a pair's windows: the
   * two windows' sum one after the other; at the same time, one window's, less the other server}
   */
  private static double otherCpu(LoadResult off, LoadResult on, boolean together) {
    return together ? Math.max(0, off.otherCpu() - on.serverCpu()) : off.otherCpu() + on.otherCpu();
  }

  /**
   * {@return the report's row of a count per delivery: its median off and on, and the median of
   * the per-pair ratios with its interval, or "not counted here" where the kernel does not count it}
   */
  private static String perDelivery(String label, List<LoadResult[]> pairs, ToDoubleFunction<LoadResult> count) {
    int n = pairs.size();
    double[] off = new double[n];
    double[] on = new double[n];
    double[] ratios = new double[n];
    for (int p = 0; p < n; p++) {
      off[p] = count.applyAsDouble(pairs.get(p)[0]);
      on[p] = count.applyAsDouble(pairs.get(p)[1]);
      ratios[p] = on[p] / off[p];
    }
    String ratio = Arrays.stream(ratios).anyMatch(Double::isNaN) ? "not counted here"
        : MedianInterval.of(ratios, LEVEL).describe();
    return String.format(Locale.ROOT, "| %s | %.3f | %.3f | %s |", label, median(off), median(on), ratio);
  }

  private static double median(double[] values) {
    return MedianInterval.median(values);
  }
}
