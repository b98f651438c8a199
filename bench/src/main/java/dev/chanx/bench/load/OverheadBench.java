package dev.chanx.bench.load;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
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
 * <p>A third way, {@code --connections paired}, is the one that can resolve a few per cent: kept
 * connections, many short windows in pairs (off and on back to back, the first of each pair
 * alternating), CPU from the threads' nanosecond times, and the median of the per-pair ratios with
 * its order-statistic 95 % interval ({@link MedianInterval}). Pairs close in time share most of
 * the machine's drift, so their ratio varies less than that of rounds of long windows. {@code
 * --control} runs two servers with telemetry off instead, which must give a ratio of about 1 with
 * an interval around it: the check of the method itself; {@code --both-on} runs two servers with
 * telemetry on, so that a JVM option or switch given to the second only ({@code
 * CHANX_BENCH_SECOND_JVM_OPTS}), or a change to the product built elsewhere ({@code
 * --second-build-dir}), is measured on the "on" server directly. {@code --together} measures the two
 * windows of a pair at the same time instead, each server under its own clients; without it, the
 * report also gives each block of two pairs, one in each order (a crossover estimate, which
 * cancels what one window leaves the next). {@code --forks N}
 * repeats the paired windows in N launches, each with two fresh server JVMs, as JMH's forks do: the
 * JIT compiles each launch's servers anew, which moves the ratio by more than one launch's interval
 * shows; every other launch starts, connects and loads the second server first, so that neither
 * side keeps a place the machine might favour.
 *
 * <p>Run: {@code java -cp bench/target-bench/chanx-bench.jar dev.chanx.bench.load.OverheadBench
 * [--rounds 7] [--connections both|fresh|kept|paired] [--pairs 60] [--forks 1] [--warmup 10] [--window 3] [--lead 1]
 * [--together] [--control | --both-on] [--profile] [--second-build-dir DIR] [--clients 200] [--rooms 10] [--rate 5] [--seconds 8] [--out bench/results]};
 * {@code --help} lists them.
 */
public final class OverheadBench {

  private static final String USAGE = """
      Usage: java -cp chanx-bench.jar dev.chanx.bench.load.OverheadBench [options]
        --connections WAY  both (default: fresh, then kept), fresh, kept, or paired
        --rounds N         fresh and kept: rounds of one window off and one on (default 7)
        --seconds N        fresh and kept: seconds per measured window (default 8)
        --pairs N          paired: pairs of short windows over kept connections (default 60)
        --forks N          paired: launches, each with two fresh server JVMs measured for --pairs pairs
                           (default 1), every other one starting and loading the second server first;
                           reports each launch's ratio, their median, and all pairs pooled (use an
                           even N, so that each side is first as often)
        --warmup N         paired: seconds of unreported load on the kept connections before the
                           first pair, both servers at once with --together (default 10); the JIT
                           keeps compiling the "on" server's rarer paths (the scrape) for minutes
        --window N         paired: seconds per measured window (default 3)
        --lead N           paired: seconds of load before each window (default 1)
        --together         paired: both windows of a pair at the same time, each server under its
                           own clients' load (twice the load on the machine; what disturbs one
                           window disturbs the other alike); without it, one server at a time, and
                           the report adds blocks of two pairs, one in each order
        --both-on          both servers with telemetry on: with CHANX_BENCH_SECOND_JVM_OPTS, what a JVM
                           option does to the "on" server (the "off" figures are then the first's)
        --control          both servers with telemetry off: the ratio must come out near 1 (the
                           "on" figures are then the second server's)
        --profile          paired: profile both servers over the pairs with async-profiler (CPU,
                           1 ms); the report adds where their threads' time went, the telemetry's
                           hooks apart, and the stacks go to DIR/profiles (--out); the sampling
                           adds its own work to both servers alike
        --clients N        clients (default 200)
        --rooms N          rooms; each message goes to the other clients of its room (default 10)
        --rate N           messages per second per client (default 5)
        --out DIR          where observe-overhead.md and the server logs go (default bench/results)
        --build-dir DIR    where the bench jar was built (default target-bench)
        --second-build-dir DIR
                           where the second server's jar was built (default --build-dir): with
                           --both-on, a change to the product measured against it in one run
        --root DIR         the repository (default .)
      CHANX_BENCH_SERVER_JVM_OPTS adds JVM options to both servers, CHANX_BENCH_SECOND_JVM_OPTS to
      the second ("on", or "off (B)" with --control, "on (B)" with --both-on) only.
      """;
  private static final List<String> OPTIONS = List.of("connections", "rounds", "seconds", "pairs", "forks", "warmup", "window",
      "lead", "clients", "rooms", "rate", "out", "build-dir", "second-build-dir", "root");
  // Paired windows: the wait after a window for its last deliveries, before the other server's lead.
  private static final long PAIRED_DRAIN_MILLIS = 500;

  private OverheadBench() {}

  public static void main(String[] args) throws Exception {
    Map<String, String> given = new HashMap<>();
    boolean control = false;
    boolean bothOn = false;
    boolean together = false;
    boolean profile = false;
    for (int i = 0; i < args.length; i++) {
      String name = args[i].replaceFirst("^--", "");
      if (name.equals("help") || name.equals("-h")) {
        System.out.print(USAGE);
        return;
      }
      if (name.equals("control")) {
        control = true;
      } else if (name.equals("both-on")) {
        bothOn = true;
      } else if (name.equals("together")) {
        together = true;
      } else if (name.equals("profile")) {
        profile = true;
      } else if (OPTIONS.contains(name) && i + 1 < args.length) {
        given.put(name, args[++i]);
      } else {
        System.err.print(USAGE);
        System.err.println(OPTIONS.contains(name) ? "missing a value for " + args[i] : "unknown option " + args[i]);
        System.exit(2);
      }
    }
    int rounds = Integer.parseInt(given.getOrDefault("rounds", "7"));
    String connections = given.getOrDefault("connections", "both");
    if (!List.of("both", "fresh", "kept", "paired").contains(connections)) {
      throw new IllegalArgumentException("--connections takes both, fresh, kept or paired");
    }
    int pairCount = Integer.parseInt(given.getOrDefault("pairs", "60"));
    int forks = Integer.parseInt(given.getOrDefault("forks", "1"));
    if (forks < 1 || forks > 1 && !connections.equals("paired")) {
      throw new IllegalArgumentException("--forks takes 1 or more, and more than 1 only with --connections paired");
    }
    int warmup = Integer.parseInt(given.getOrDefault("warmup", "10"));
    int window = Integer.parseInt(given.getOrDefault("window", "3"));
    int lead = Integer.parseInt(given.getOrDefault("lead", "1"));
    int clients = Integer.parseInt(given.getOrDefault("clients", "200"));
    int rooms = Integer.parseInt(given.getOrDefault("rooms", "10"));
    double rate = Double.parseDouble(given.getOrDefault("rate", "5"));
    int seconds = Integer.parseInt(given.getOrDefault("seconds", "8"));
    Path root = Path.of(given.getOrDefault("root", ".")).toAbsolutePath().normalize();
    String buildDir = given.getOrDefault("build-dir", "target-bench");
    List<String> buildDirs = List.of(buildDir, given.getOrDefault("second-build-dir", buildDir));
    Path out = Path.of(given.getOrDefault("out", "bench/results"));
    LoadRun.Load load = new LoadRun.Load(clients, rooms, rate, false, 2, seconds);
    LoadRun.Load warm = new LoadRun.Load(clients, rooms, rate, false, 10, 1);

    if (profile && !connections.equals("paired")) {
      System.err.print(USAGE);
      System.err.println("--profile needs --connections paired");
      System.exit(2);
    }
    ServerProfiles profiles = ServerProfiles.none();
    if (profile) {
      try {
        profiles = ServerProfiles.into(out.resolve("profiles"));
      } catch (IOException e) {
        System.err.println(e.getMessage());
        System.exit(2);
      }
    }
    if (control && bothOn) {
      System.err.print(USAGE);
      System.err.println("--control and --both-on exclude each other");
      System.exit(2);
    }
    // The control: the "on" side is a second server with telemetry off; --both-on: the "off" side
    // is a second server with telemetry on.
    boolean same = control || bothOn;
    List<ServerKind> kinds = List.of(bothOn ? ServerKind.CHANX_OBSERVED : ServerKind.CHANX_PLAIN,
        control ? ServerKind.CHANX_PLAIN : ServerKind.CHANX_OBSERVED);
    String[] sides = control ? new String[] {"off (A)", "off (B)"}
        : bothOn ? new String[] {"on (A)", "on (B)"} : new String[] {"off", "on"};

    // Both sides get the same options; the second may get more, to measure a JVM option itself
    // (with --control: the same server with and without it).
    List<String> second = new ArrayList<>(ServerProcess.defaultJvmOptions());
    second.addAll(ServerProcess.options("CHANX_BENCH_SECOND_JVM_OPTS"));
    List<List<String>> jvmOptions = List.of(ServerProcess.defaultJvmOptions(), second);

    String loadBefore = Machine.loadAverage();
    StringBuilder sections = new StringBuilder();
    List<List<LoadResult[]>> forkPairs = new ArrayList<>();
    LoadRun.Load shortWindow = new LoadRun.Load(clients, rooms, rate, false, lead, window);
    for (int fork = 0; fork < forks; fork++) {
      // Every other launch starts, connects and loads the second server first, so that each side
      // takes each place in turn. A control once read the second place 1.2 % cheaper (0.988,
      // 0.982-0.999); alternated, the next read 1.005, its launches leaning opposite ways, so the
      // lean was within the launches' spread, but alternating costs nothing. Fresh and kept rounds
      // alternate their order already.
      int[] order = fork % 2 == 0 ? new int[] {0, 1} : new int[] {1, 0};
      // By side, "off" first, whatever the order they start in.
      ServerProcess[] started = new ServerProcess[kinds.size()];
      try {
        for (int s : order) {
          ServerKind kind = kinds.get(s);
          String log = kind.id + (same && s == 1 ? "-b" : "") + (fork == 0 ? "" : "-fork" + (fork + 1)) + ".log";
          started[s] = ServerProcess.start(kind, root, buildDirs.get(s), out.resolve("logs").resolve(log),
              jvmOptions.get(s));
          LoadRun.run(started[s], warm);
        }
        List<ServerProcess> bySide = List.of(started);
        if (connections.equals("paired")) {
          if (forks > 1) {
            System.err.printf(Locale.ROOT, "[paired] fork %d/%d%n", fork + 1, forks);
          }
          LoadRun.Load keptWarm = new LoadRun.Load(clients, rooms, rate, false, warmup, 1);
          forkPairs.add(PairedWindows.measure(bySide, keptWarm, shortWindow, pairCount, PAIRED_DRAIN_MILLIS, sides,
              together, fork * pairCount, profiles, order));
        }
        if (connections.equals("both") || connections.equals("fresh")) {
          List<LoadResult[]> pairs = new ArrayList<>();
          for (int round = 0; round < rounds; round++) {
            LoadResult[] pair = new LoadResult[2];
            // Even rounds measure telemetry off first, odd rounds on first.
            for (int i = 0; i < 2; i++) {
              int which = (round + i) % 2;
              pair[which] = report(LoadRun.run(bySide.get(which), load));
            }
            pairs.add(pair);
          }
          sections.append(section("Fresh connections: each window's clients connect anew", """
              Before each window its 200 clients connect (200 handshakes), and after it they close. The
              handshake paths deoptimise code shared with the frame path, so short windows catch recompiles.""",
              pairs));
        }
        if (connections.equals("both") || connections.equals("kept")) {
          List<ClientFleet> fleets = new ArrayList<>();
          try {
            for (ServerProcess server : bySide) {
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
        for (ServerProcess server : started) {
          if (server != null) {
            server.close();
          }
        }
      }
    }
    if (connections.equals("paired")) {
      List<LoadResult[]> pooled = new ArrayList<>();
      forkPairs.forEach(pooled::addAll);
      sections.append(PairedWindows.section(pooled, sides, shortWindow, PAIRED_DRAIN_MILLIS, together, warmup));
      // Where a difference goes: the JIT compiler still at work, the scrape, GC, or the server's own threads.
      sections.append("Server CPU by thread group, all pairs (medians; the difference is the median of the "
          + "per-pair differences):\n\n").append(threadGroups(pooled, sides)).append('\n');
      if (forks > 1) {
        sections.append(PairedWindows.forks(forkPairs, sides, together));
      }
      sections.append(profiles.section(sides));
    }
    String loadAfter = Machine.loadAverage();
    String how = connections.equals("paired")
        ? String.format(Locale.ROOT, "%s%d pairs of %d s windows over kept connections (after %d s of load each), "
            + "%s", forks > 1 ? forks + " launches of " : "", pairCount, window, lead, together ? "both windows of a pair at the same time"
            : "one after the other, the first of each pair alternating")
        : String.format(Locale.ROOT, "%d rounds of %d s (after a 2 s warm-up each) per way of connecting, one "
            + "after the other, the first of each round alternating", rounds, seconds);
    String cpu = connections.equals("paired")
        ? "the sum of its threads' times on the CPU in nanoseconds (/proc/<pid>/task/*/schedstat)"
        : "the server process's user + system time (/proc)";
    String report = String.format(Locale.ROOT, """
        # Observability overhead on the fan-out load%s

        %s Load average before %s, after %s.
        %d clients in %d rooms, each sending %s chat messages per second to its room (each message
        delivered to the other %d members), no compression; %s measured in %s. Server CPU is %s over the
        window, divided by deliveries; per thread group, from /proc/<pid>/task. JVM options: %s `%s`,
        %s `%s`.%s

        %s""", control ? " (control: two servers, telemetry off in both)"
            : bothOn ? " (two servers, telemetry on in both)" : "", Machine.describe(), loadBefore,
        loadAfter, clients, rooms, rate == Math.rint(rate) ? Long.toString((long) rate) : Double.toString(rate),
        clients / rooms - 1, control ? "two servers with telemetry off"
            : bothOn ? "two servers with telemetry on" : "telemetry off and on", how, cpu,
        sides[0], String.join(" ", jvmOptions.get(0)), sides[1], String.join(" ", jvmOptions.get(1)),
        buildDirs.get(0).equals(buildDirs.get(1)) ? ""
            : String.format(Locale.ROOT, " Builds: %s `%s`, %s `%s`.", sides[0], buildDirs.get(0), sides[1],
                buildDirs.get(1)),
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
    String threads = threadGroups(pairs, new String[] {"off", "on"});
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

  /** {@return the server's CPU per delivery by thread group: medians off and on, and of the per-pair differences} */
  private static String threadGroups(List<LoadResult[]> pairs, String[] sides) {
    int n = pairs.size();
    StringBuilder threads = new StringBuilder("| thread group | CPU µs/delivery " + sides[0] + " | " + sides[1] + " | "
        + sides[1] + " − " + sides[0] + " |\n|---|---|---|---|\n");
    for (String group : ThreadCpu.GROUPS) {
      double[] off = new double[n];
      double[] on = new double[n];
      double[] more = new double[n];
      for (int r = 0; r < n; r++) {
        off[r] = pairs.get(r)[0].threadMicrosPerDelivery(group);
        on[r] = pairs.get(r)[1].threadMicrosPerDelivery(group);
        more[r] = on[r] - off[r];
      }
      threads.append(String.format(Locale.ROOT, "| %s | %.3f | %.3f | %+.3f |%n", group, median(off), median(on),
          median(more)));
    }
    return threads.toString();
  }

  private static double median(double[] values) {
    return MedianInterval.median(values);
  }

  private static String format(double[] values) {
    StringBuilder text = new StringBuilder();
    for (double value : values) {
      text.append(text.length() == 0 ? "" : ", ").append(String.format(Locale.ROOT, "%.3f", value));
    }
    return text.toString();
  }
}
