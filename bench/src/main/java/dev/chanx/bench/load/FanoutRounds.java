package dev.chanx.bench.load;

import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The fan-out cost measured as a new user would (issue 21): each server its own process, the load
 * client Node's {@code ws} in another ({@code bench/node/load.js}, no compression offered), the
 * server's CPU as user + system time from {@code /proc/<pid>/stat} over the measured window, two
 * unreported warm-up runs per server, then the servers in rotation for three rounds, medians
 * reported. Two loads: the reference (200 clients in 10 rooms) and the throughput one (1,000 in
 * 50), each client sending a ~120-byte chat message 5 times a second.
 *
 * <p>Writes {@code fanout.md} (medians, ratios, every run) and {@code fanout.csv}. Usage:
 * {@code java -cp chanx-bench.jar dev.chanx.bench.load.FanoutRounds [--servers chanx,jetty,node,quarkus]
 * (also spring, chanx-plain, chanx-observed, chanx-recover, chanx-chat: see ServerKind)
 * [--loads 200x10,1000x50] [--rounds 3] [--warmups 2] [--seconds 5] [--out bench/results]
 * [--build-dir target-bench]}.
 */
public final class FanoutRounds {

  private static final Pattern NUMBER = Pattern.compile("\"(\\w+)\":(-?[0-9.]+|null)");

  private FanoutRounds() {}

  /** One measured run: what the Node client counted, and the server's CPU over the window. */
  record Run(ServerKind server, int clients, int rooms, int round, long sent, long owed, long delivered, double p50,
      double p99, double max, double serverCpu, double seconds, String loadBefore, String loadAfter) {

    double cpuMicrosPerDelivery() {
      return delivered == 0 ? Double.NaN : serverCpu * 1e6 / delivered;
    }

    double deliveredPerSecond() {
      return delivered / seconds;
    }

    String row() {
      return String.format(Locale.ROOT, "| %s | %d | %d | %d | %.0f | %.0f | %d | %.1f | %.1f | %.1f | %.2f | %.1f | %s → %s |",
          server.label, clients, round, sent, sent / seconds, deliveredPerSecond(), owed - delivered, p50, p99, max,
          serverCpu, cpuMicrosPerDelivery(), loadBefore, loadAfter);
    }

    String csv() {
      return String.format(Locale.ROOT, "%s,%d,%d,%d,%d,%d,%d,%.3f,%.3f,%.3f,%.3f,%.1f,%s,%s", server.id, clients,
          rooms, round, sent, owed, delivered, p50, p99, max, serverCpu, seconds, loadBefore.replace(' ', ';'),
          loadAfter.replace(' ', ';'));
    }
  }

  private static final String USAGE = """
      Usage: java -cp chanx-bench.jar dev.chanx.bench.load.FanoutRounds [options]
        --servers LIST    servers in rotation (default chanx,jetty,node,quarkus); one of %s
        --loads LIST      clients x rooms per load (default 200x10,1000x50)
        --rounds N        measured rounds, servers in rotation (default 3)
        --warmups N       unreported runs per server and load first (default 2)
        --seconds N       measured seconds per run (default 5)
        --build-dir DIR   where the jars were built, per module (default target-bench)
        --out DIR         where fanout.md, fanout.csv and the server logs go (default bench/results)
        --root DIR        the repository (default .)
      """;
  private static final List<String> OPTIONS =
      List.of("servers", "loads", "rounds", "warmups", "seconds", "build-dir", "out", "root");

  public static void main(String[] args) throws Exception {
    Map<String, String> given = new LinkedHashMap<>();
    for (int i = 0; i < args.length; i += 2) {
      String name = args[i].replaceFirst("^--", "");
      if (name.equals("help") || name.equals("-h") || !OPTIONS.contains(name) || i + 1 >= args.length) {
        boolean asked = name.equals("help") || name.equals("-h");
        (asked ? System.out : System.err).printf(USAGE, ServerKind.ids());
        if (!asked) {
          System.err.println(i + 1 >= args.length && OPTIONS.contains(name)
              ? "missing a value for " + args[i] : "unknown option " + args[i]);
          System.exit(2);
        }
        return;
      }
      given.put(name, args[i + 1]);
    }
    List<ServerKind> kinds = new ArrayList<>();
    for (String id : given.getOrDefault("servers", "chanx,jetty,node,quarkus").split(",")) {
      kinds.add(ServerKind.of(id.trim()));
    }
    List<int[]> loads = new ArrayList<>();
    for (String load : given.getOrDefault("loads", "200x10,1000x50").split(",")) {
      String[] parts = load.split("x");
      loads.add(new int[] {Integer.parseInt(parts[0]), Integer.parseInt(parts[1])});
    }
    int rounds = Integer.parseInt(given.getOrDefault("rounds", "3"));
    int warmups = Integer.parseInt(given.getOrDefault("warmups", "2"));
    int seconds = Integer.parseInt(given.getOrDefault("seconds", "5"));
    Path root = Path.of(given.getOrDefault("root", ".")).toAbsolutePath().normalize();
    String buildDir = given.getOrDefault("build-dir", "target-bench");
    Path out = Path.of(given.getOrDefault("out", "bench/results"));
    Path client = root.resolve("bench/node/load.js");

    String startLoad = Machine.loadAverage();
    List<Run> runs = new ArrayList<>();
    List<ServerProcess> servers = new ArrayList<>();
    try {
      for (ServerKind kind : kinds) {
        ServerProcess server = ServerProcess.start(kind, root, buildDir, out.resolve("logs").resolve("fanout-"
            + kind.id + ".log"), ServerProcess.defaultJvmOptions());
        servers.add(server);
        progress("%s: pid %d, port %d", kind.label, server.pid(), server.port);
      }
      for (int[] load : loads) {
        for (ServerProcess server : servers) {
          for (int w = 1; w <= warmups; w++) {
            Run warm = run(client, server, load[0], load[1], seconds, -w);
            progress("warm-up %d: %s", w, warm.row());
          }
        }
        for (int round = 1; round <= rounds; round++) {
          List<ServerProcess> order = new ArrayList<>(servers);
          Collections.rotate(order, -(round - 1));
          for (ServerProcess server : order) {
            Run run = run(client, server, load[0], load[1], seconds, round);
            progress("%s", run.row());
            runs.add(run);
          }
        }
      }
    } finally {
      for (ServerProcess server : servers) {
        server.close();
      }
    }
    String report = report(kinds, loads, runs, rounds, warmups, seconds, startLoad, Machine.loadAverage());
    System.out.println(report);
    Files.createDirectories(out);
    Files.writeString(out.resolve("fanout.md"), report);
    List<String> csv = new ArrayList<>();
    csv.add("server,clients,rooms,round,sent,owed,delivered,p50_ms,p99_ms,max_ms,server_cpu_s,seconds,load_before,load_after");
    runs.forEach(r -> csv.add(r.csv()));
    Files.write(out.resolve("fanout.csv"), csv);
    System.exit(0);
  }

  /** One run of the Node client against one server, the server's CPU read at the window's bounds. */
  static Run run(Path client, ServerProcess server, int clients, int rooms, int seconds, int round) throws Exception {
    String loadBefore = Machine.loadAverage();
    Process node = new ProcessBuilder("node", client.toString(), "--port", Integer.toString(server.port),
        "--clients", Integer.toString(clients), "--rooms", Integer.toString(rooms), "--rate", "5",
        "--warmup", "2", "--seconds", Integer.toString(seconds), "--drain", "2", "--bytes", "120")
        .redirectError(ProcessBuilder.Redirect.INHERIT).start();
    double cpuOpen = Double.NaN;
    double cpuClosed = Double.NaN;
    String result = null;
    try (BufferedReader lines = new BufferedReader(new InputStreamReader(node.getInputStream(), StandardCharsets.UTF_8))) {
      for (String line; (line = lines.readLine()) != null; ) {
        if (line.equals("window open")) {
          cpuOpen = server.cpuSeconds();
        } else if (line.equals("window closed")) {
          cpuClosed = server.cpuSeconds();
        } else if (line.startsWith("{")) {
          result = line;
        }
      }
    }
    if (!node.waitFor(60, TimeUnit.SECONDS) || result == null || Double.isNaN(cpuClosed)) {
      node.destroyForcibly();
      throw new IllegalStateException("the Node load client failed against " + server.kind.label + " (exit "
          + (node.isAlive() ? "none" : node.exitValue()) + "); its errors are above");
    }
    Map<String, Double> values = new LinkedHashMap<>();
    Matcher m = NUMBER.matcher(result);
    while (m.find()) {
      values.put(m.group(1), m.group(2).equals("null") ? Double.NaN : Double.parseDouble(m.group(2)));
    }
    return new Run(server.kind, clients, rooms, round, values.get("sent").longValue(), values.get("owed").longValue(),
        values.get("delivered").longValue(), values.get("p50"), values.get("p99"), values.get("max"),
        cpuClosed - cpuOpen, seconds, loadBefore, Machine.loadAverage());
  }

  private static double median(List<Double> values) {
    double[] sorted = values.stream().mapToDouble(Double::doubleValue).sorted().toArray();
    if (sorted.length == 0) {
      return Double.NaN;
    }
    return sorted.length % 2 == 1 ? sorted[sorted.length / 2]
        : (sorted[sorted.length / 2 - 1] + sorted[sorted.length / 2]) / 2;
  }

  private static String report(List<ServerKind> kinds, List<int[]> loads, List<Run> runs, int rounds, int warmups,
      int seconds, String loadBefore, String loadAfter) {
    StringBuilder out = new StringBuilder();
    out.append("## Fan-out, measured from outside (issue 21)\n\n").append(Machine.describe()).append("\n\n");
    out.append(String.format(Locale.ROOT, "Load average (1, 5, 15 min) before the run: %s; after: %s.%n%n", loadBefore,
        loadAfter));
    out.append(String.format(Locale.ROOT,
        "Load client: Node `ws` (`bench/node/load.js`, its own process, no compression offered), each client "
            + "sending a 120-byte `new_chat_message` 5 times a second, client *i* in room *i* mod rooms; latency "
            + "from the send stamp to receipt on the client's clock. Each server its own process (JVMs with "
            + "`-Xmx2g`), %d unreported warm-up runs each per load, then %d rounds with the servers in rotation; "
            + "every run: connect, 2 s at full rate, %d s measured, 2 s drain. Server CPU: utime + stime from "
            + "`/proc/<pid>/stat` at the window's bounds (the kernel counts them in 10 ms ticks). Medians of the "
            + "rounds.%n%n", warmups, rounds, seconds));
    for (int[] load : loads) {
      out.append(String.format(Locale.ROOT, "### %d clients in %d rooms of %d (%,d deliveries/s offered)%n%n",
          load[0], load[1], load[0] / load[1], load[0] * 5 * (load[0] / load[1] - 1)));
      out.append("| server | delivered/s | undelivered | p50 ms | p99 ms | CPU s per run | CPU µs per delivery |\n")
          .append("|---|---|---|---|---|---|---|\n");
      Map<ServerKind, double[]> medians = new LinkedHashMap<>();
      for (ServerKind kind : kinds) {
        List<Run> mine = runs.stream().filter(r -> r.server() == kind && r.clients() == load[0]).toList();
        if (mine.isEmpty()) {
          continue;
        }
        double[] m = {
            median(mine.stream().map(Run::deliveredPerSecond).toList()),
            median(mine.stream().map(r -> (double) (r.owed() - r.delivered())).toList()),
            median(mine.stream().map(Run::p50).toList()),
            median(mine.stream().map(Run::p99).toList()),
            median(mine.stream().map(Run::serverCpu).toList()),
            median(mine.stream().map(Run::cpuMicrosPerDelivery).toList())};
        medians.put(kind, m);
        out.append(String.format(Locale.ROOT, "| %s | %,.0f | %.0f | %.1f | %.1f | %.2f | %.1f |%n", kind.label, m[0],
            m[1], m[2], m[3], m[4], m[5]));
      }
      double[] ours = medians.get(ServerKind.CHANX);
      if (ours != null) {
        out.append("\nChanx ÷ each other server (medians): throughput above 1, CPU and p99 below 1 favour Chanx.\n\n")
            .append("| other server | delivered/s | p99 | CPU per delivery |\n|---|---|---|---|\n");
        for (Map.Entry<ServerKind, double[]> other : medians.entrySet()) {
          if (other.getKey() != ServerKind.CHANX) {
            double[] theirs = other.getValue();
            out.append(String.format(Locale.ROOT, "| %s | %.2f | %.2f | %.2f |%n", other.getKey().label,
                ours[0] / theirs[0], ours[3] / theirs[3], ours[5] / theirs[5]));
          }
        }
        double[] node = medians.get(ServerKind.NODE);
        double[] quarkus = medians.get(ServerKind.QUARKUS);
        if (node != null && quarkus != null) {
          out.append(String.format(Locale.ROOT, "%nAgainst the lower of Node `ws` and Quarkus: CPU per delivery "
              + "%.2f×, p99 %.2f×.%n", ours[5] / Math.min(node[5], quarkus[5]), ours[3] / Math.min(node[3], quarkus[3])));
        }
      }
      double[] recoverable = medians.get(ServerKind.CHANX_RECOVER);
      for (ServerKind plain : List.of(ServerKind.CHANX_CHAT, ServerKind.CHANX)) {
        double[] twin = medians.get(plain);
        if (recoverable != null && twin != null) {
          // Issue 17's target: recoverable broadcasts cost at most 15 % more CPU per delivery.
          out.append(String.format(Locale.ROOT, "%nRecoverable ÷ %s (medians): CPU per delivery %.2f×, p99 %.2f×, "
              + "delivered/s %.2f×.%n", plain.label, recoverable[5] / twin[5], recoverable[3] / twin[3],
              recoverable[0] / twin[0]));
        }
      }
      out.append('\n');
    }
    out.append("### Every run\n\n| server | clients | round | sent | sent/s | delivered/s | undelivered | p50 ms | p99 ms "
        + "| max ms | server CPU s | CPU µs/delivery | load average before → after |\n"
        + "|---|---|---|---|---|---|---|---|---|---|---|---|---|\n");
    runs.forEach(r -> out.append(r.row()).append('\n'));
    return out.toString();
  }

  private static void progress(String format, Object... args) {
    System.err.printf(Locale.ROOT, "[fanout] " + format + "%n", args);
  }
}
