package dev.chanx.bench.load;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * Observability overhead on the fan-out load: the example chat with telemetry off and with
 * metrics and traces on (1 % sampling), each its own process, both running for the whole run;
 * rounds alternate which goes first; per round the ratio on/off of server CPU per delivery and
 * of p99; the medians of the rounds. Two ways, reported apart: fresh windows, whose 200 clients
 * connect anew before each window (the handshakes, and the recompiles they cause, fall near the
 * window), then kept windows, whose clients stay connected across windows, as a long-running
 * server's do. Writes {@code observe-overhead.md}.
 *
 * <p>Run: {@code java -cp bench/target-bench/chanx-bench.jar dev.chanx.bench.load.OverheadBench
 * [--rounds 7] [--connections both|fresh|kept] [--clients 200] [--rooms 10] [--rate 5] [--seconds 8]
 * [--out bench/results]}.
 */
public final class OverheadBench {

  private OverheadBench() {}

  public static void main(String[] args) throws Exception {
    Map<String, String> given = new HashMap<>();
    for (int i = 0; i + 1 < args.length; i += 2) {
      given.put(args[i].substring(2), args[i + 1]);
    }
    int rounds = Integer.parseInt(given.getOrDefault("rounds", "7"));
    String connections = given.getOrDefault("connections", "both");
    if (!List.of("both", "fresh", "kept").contains(connections)) {
      throw new IllegalArgumentException("--connections takes both, fresh or kept");
    }
    int clients = Integer.parseInt(given.getOrDefault("clients", "200"));
    int rooms = Integer.parseInt(given.getOrDefault("rooms", "10"));
    double rate = Double.parseDouble(given.getOrDefault("rate", "5"));
    int seconds = Integer.parseInt(given.getOrDefault("seconds", "8"));
    Path root = Path.of(given.getOrDefault("root", ".")).toAbsolutePath().normalize();
    String buildDir = given.getOrDefault("build-dir", "target-bench");
    Path out = Path.of(given.getOrDefault("out", "bench/results"));
    LoadRun.Load load = new LoadRun.Load(clients, rooms, rate, false, 2, seconds);
    LoadRun.Load warm = new LoadRun.Load(clients, rooms, rate, false, 10, 1);

    String loadBefore = Machine.loadAverage();
    List<ServerProcess> servers = new ArrayList<>();
    StringBuilder sections = new StringBuilder();
    try {
      for (ServerKind kind : List.of(ServerKind.CHANX_PLAIN, ServerKind.CHANX_OBSERVED)) {
        ServerProcess server = ServerProcess.start(kind, root, buildDir, out.resolve("logs").resolve(kind.id + ".log"),
            ServerProcess.defaultJvmOptions());
        servers.add(server);
        LoadRun.run(server, warm);
      }
      if (!connections.equals("kept")) {
        List<LoadResult[]> pairs = new ArrayList<>();
        for (int round = 0; round < rounds; round++) {
          LoadResult[] pair = new LoadResult[2];
          // Even rounds measure telemetry off first, odd rounds on first.
          for (int i = 0; i < 2; i++) {
            int which = (round + i) % 2;
            pair[which] = report(LoadRun.run(servers.get(which), load));
          }
          pairs.add(pair);
        }
        sections.append(section("Fresh connections: each window's clients connect anew", """
            Before each window its 200 clients connect (200 handshakes), and after it they close. The
            handshake paths deoptimise code shared with the frame path, so short windows catch recompiles.""",
            pairs));
      }
      if (!connections.equals("fresh")) {
        List<ClientFleet> fleets = new ArrayList<>();
        try {
          for (ServerProcess server : servers) {
            ClientFleet fleet = ClientFleet.connect(server, load);
            fleets.add(fleet);
            // Unreported: whatever the handshakes made the JIT redo is redone before the first window.
            fleet.measure(warm);
          }
          List<LoadResult[]> pairs = new ArrayList<>();
          for (int round = 0; round < rounds; round++) {
            LoadResult[] pair = new LoadResult[2];
            for (int i = 0; i < 2; i++) {
              int which = (round + i) % 2;
              pair[which] = report(fleets.get(which).measure(load));
            }
            pairs.add(pair);
          }
          sections.append(section("Kept connections: the clients stay connected across windows", """
              Each server's 200 clients connect once, after the fresh windows, and stay connected for every
              window (the other server's clients sit idle meanwhile): what a long-running server sees, no
              handshake or close near a window. One unreported window on each server comes first.""", pairs));
        } finally {
          for (ClientFleet fleet : fleets) {
            fleet.close();
          }
        }
      }
    } finally {
      for (ServerProcess server : servers) {
        server.close();
      }
    }
    String loadAfter = Machine.loadAverage();
    String report = String.format(Locale.ROOT, """
        # Observability overhead on the fan-out load

        %s Load average before %s, after %s.
        %d clients in %d rooms, each sending %.0f chat messages per second to its room (each message
        delivered to the other %d members), no compression; %d rounds of %d s (after a 2 s warm-up each)
        per way of connecting, telemetry off and on measured in turn, the first of each round alternating.
        Server CPU is the server process's user + system time (/proc) over the window, divided by
        deliveries; per thread group, from /proc/<pid>/task.

        %s""", Machine.describe(), loadBefore, loadAfter, clients, rooms, rate, clients / rooms - 1, rounds, seconds,
        sections);
    System.out.println(report);
    Files.createDirectories(out);
    Files.writeString(out.resolve("observe-overhead.md"), report);
    System.exit(0);
  }

  private static LoadResult report(LoadResult result) {
    System.err.println(result.row());
    return result;
  }

  /** One way of connecting's rounds: the medians, the per-round ratios, CPU by thread group, every window. */
  private static String section(String title, String how, List<LoadResult[]> pairs) {
    int rounds = pairs.size();
    double[] cpuRatio = new double[rounds];
    double[] p99Ratio = new double[rounds];
    double[] cpuOff = new double[rounds];
    double[] cpuOn = new double[rounds];
    double[] p99Off = new double[rounds];
    double[] p99On = new double[rounds];
    double[] workOff = new double[rounds];
    double[] workOn = new double[rounds];
    double[] workRatio = new double[rounds];
    double[] jitOff = new double[rounds];
    double[] jitOn = new double[rounds];
    StringBuilder table = new StringBuilder(LoadResult.HEADER).append('\n');
    for (int r = 0; r < rounds; r++) {
      LoadResult off = pairs.get(r)[0];
      LoadResult on = pairs.get(r)[1];
      boolean offFirst = r % 2 == 0;
      table.append((offFirst ? off : on).row()).append('\n').append((offFirst ? on : off).row()).append('\n');
      cpuOff[r] = off.cpuMicrosPerDelivery();
      cpuOn[r] = on.cpuMicrosPerDelivery();
      p99Off[r] = off.p99();
      p99On[r] = on.p99();
      cpuRatio[r] = cpuOn[r] / cpuOff[r];
      p99Ratio[r] = p99On[r] / p99Off[r];
      workOff[r] = off.cpuMicrosPerDeliveryWithoutJit();
      workOn[r] = on.cpuMicrosPerDeliveryWithoutJit();
      workRatio[r] = workOn[r] / workOff[r];
      jitOff[r] = off.serverJitCpu();
      jitOn[r] = on.serverJitCpu();
    }
    StringBuilder threads = new StringBuilder("| thread group | CPU µs/delivery off | on | on − off |\n|---|---|---|---|\n");
    for (String group : ThreadCpu.GROUPS) {
      double[] off = new double[rounds];
      double[] on = new double[rounds];
      double[] more = new double[rounds];
      for (int r = 0; r < rounds; r++) {
        off[r] = pairs.get(r)[0].threadMicrosPerDelivery(group);
        on[r] = pairs.get(r)[1].threadMicrosPerDelivery(group);
        more[r] = on[r] - off[r];
      }
      threads.append(String.format(Locale.ROOT, "| %s | %.3f | %.3f | %+.3f |%n", group, median(off), median(on),
          median(more)));
    }
    return String.format(Locale.ROOT, """
        ## %s

        %s

        | | CPU µs/delivery off | on | ratio on/off | p99 ms off | on | ratio on/off |
        |---|---|---|---|---|---|---|
        | median of rounds | %.2f | %.2f | **%.3f** (median of per-round ratios) | %.1f | %.1f | **%.3f** (median of per-round ratios) |

        Per-round ratios, CPU: %s; p99: %s.

        The same CPU without the JIT compiler's threads (C1/C2 CompilerThread): µs per delivery off %.2f,
        on %.2f, **%.3f** (median of per-round ratios: %s). JIT compiler CPU seconds per window, off: %s;
        on: %s.

        Server CPU by thread group (medians of the rounds; on − off is the median of the per-round differences):

        %s
        %s
        """, title, how, median(cpuOff), median(cpuOn), median(cpuRatio), median(p99Off), median(p99On),
        median(p99Ratio), format(cpuRatio), format(p99Ratio), median(workOff), median(workOn), median(workRatio),
        format(workRatio), format(jitOff), format(jitOn), threads, table);
  }

  private static double median(double[] values) {
    double[] sorted = values.clone();
    Arrays.sort(sorted);
    int n = sorted.length;
    return n % 2 == 1 ? sorted[n / 2] : (sorted[n / 2 - 1] + sorted[n / 2]) / 2;
  }

  private static String format(double[] values) {
    StringBuilder text = new StringBuilder();
    for (double value : values) {
      text.append(text.length() == 0 ? "" : ", ").append(String.format(Locale.ROOT, "%.3f", value));
    }
    return text.toString();
  }
}
