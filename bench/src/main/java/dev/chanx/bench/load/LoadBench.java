package dev.chanx.bench.load;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/**
 * The load tool: drives the generated Chanx chat, the bare-Jetty floor, Node {@code ws} and
 * Quarkus WebSockets Next in one run, each as its own process on loopback, with the same clients.
 * All servers start first, each with an unreported warm-up round; then the reference load with no
 * compression offered and with {@code permessage-deflate} offered, each server in turn; then client
 * counts stepped, each server in turn, a server leaving the steps once its p95 passes the limit. Writes {@code load.md} (tables and ratios), {@code load-reference.csv}, {@code load-steps.csv} and
 * {@code latency.png}.
 */
public final class LoadBench {

  private LoadBench() {}

  public static void main(String[] args) throws Exception {
    LoadOptions options;
    try {
      options = LoadOptions.parse(args);
    } catch (IllegalArgumentException e) {
      System.err.println(e.getMessage());
      System.exit(2);
      return;
    }
    String loadBefore = Machine.loadAverage();
    List<LoadResult> reference = new ArrayList<>();
    List<LoadResult> steps = new ArrayList<>();
    List<ServerProcess> servers = new ArrayList<>();
    try {
      // Every server runs for the whole run, idle while another is measured, so that the runs
      // compared with each other are minutes apart at most, not the whole run.
      for (ServerKind kind : options.servers()) {
        Path log = options.out().resolve("logs").resolve(kind.id + ".log");
        ServerProcess server = ServerProcess.start(kind, options.root(), options.buildDir(), log,
            ServerProcess.defaultJvmOptions());
        servers.add(server);
        progress("%s: pid %d, port %d; unreported warm-up round", kind.label, server.pid(), server.port);
        LoadRun.run(server, new LoadRun.Load(options.clients(), options.rooms(), options.rate(), false,
            options.firstWarmupSeconds(), 1));
      }
      int round = 0;
      Map<String, LoadResult> referenceOf = new LinkedHashMap<>();
      for (boolean deflate : List.of(false, true)) {
        for (ServerProcess server : rotated(servers, round++)) {
          LoadResult result = measure(server, new LoadRun.Load(options.clients(), options.rooms(),
              options.rate(), deflate, options.warmupSeconds(), options.seconds()), options);
          progress("%s", result.row());
          reference.add(result);
          referenceOf.put(server.kind.id + deflate, result);
        }
      }
      for (boolean deflate : options.stepDeflate()) {
        List<ServerProcess> active = new ArrayList<>(servers);
        // The reference load has the steps' room size: it is their first point.
        if (options.clients() == options.rooms() * options.roomSize() && !options.steps().contains(options.clients())
            && !options.steps().isEmpty()) {
          for (ServerProcess server : servers) {
            LoadResult first = referenceOf.get(server.kind.id + deflate);
            steps.add(first);
            if (pastLimit(first, options)) {
              active.remove(server);
            }
          }
        }
        for (int clients : options.steps()) {
          for (ServerProcess server : rotated(List.copyOf(active), round++)) {
            LoadResult result = measure(server, new LoadRun.Load(clients, Math.max(1, clients / options.roomSize()),
                options.rate(), deflate, options.stepWarmupSeconds(), options.stepSeconds()), options);
            progress("%s", result.row());
            steps.add(result);
            if (pastLimit(result, options)) {
              active.remove(server);
            }
          }
        }
      }
    } finally {
      for (ServerProcess server : servers) {
        server.close();
      }
    }
    String loadAfter = Machine.loadAverage();
    String report = report(options, reference, steps, loadBefore, loadAfter);
    System.out.println(report);
    Files.createDirectories(options.out());
    Files.writeString(options.out().resolve("load.md"), report);
    writeCsv(options.out().resolve("load-reference.csv"), reference);
    writeCsv(options.out().resolve("load-steps.csv"), steps);
    if (!steps.isEmpty()) {
      Map<String, List<LoadResult>> panels = new LinkedHashMap<>();
      for (boolean deflate : options.stepDeflate()) {
        panels.put(deflate ? "Clients offer permessage-deflate (as browsers do)" : "Clients offer no compression",
            steps.stream().filter(r -> r.load().deflate() == deflate).toList());
      }
      LatencyChart.draw(panels, String.format(Locale.ROOT,
          "%d clients per room, %.0f msg/s each, %d-byte chat messages, loopback, %d cores shared with the load client",
          options.roomSize(), options.rate(), ChatClient.MESSAGE_BYTES, Runtime.getRuntime().availableProcessors()),
          options.limitMs(), options.out().resolve("latency.png"));
    }
    System.exit(0);
  }

  /**
   * One run, repeated (up to {@code --retries} more times) while other processes on the machine
   * used more than {@code --max-other-cores} cores on average during its window: the machine is
   * shared, and a run that lost its cores to someone's build measures the build. Every attempt is
   * reported; the table keeps the last and says how many it took.
   */
  private static LoadResult measure(ServerProcess server, LoadRun.Load load, LoadOptions options) throws Exception {
    LoadResult result = null;
    for (int attempt = 1; attempt <= 1 + options.retries(); attempt++) {
      result = LoadRun.run(server, load).attempt(attempt);
      if (result.otherCores() <= options.maxOtherCores()) {
        return result;
      }
      progress("disturbed (other processes used %.2f cores): %s", result.otherCores(), result.row());
    }
    return result;
  }

  /** The servers in order, starting at a different one each round, so none is always measured first. */
  private static List<ServerProcess> rotated(List<ServerProcess> servers, int round) {
    List<ServerProcess> order = new ArrayList<>(servers);
    if (!order.isEmpty()) {
      java.util.Collections.rotate(order, -(round % order.size()));
    }
    return order;
  }

  private static void writeCsv(Path file, List<LoadResult> results) throws IOException {
    List<String> lines = new ArrayList<>();
    lines.add(LoadResult.CSV_HEADER);
    results.forEach(r -> lines.add(r.csv()));
    Files.write(file, lines);
  }

  static boolean pastLimit(LoadResult result, LoadOptions options) {
    return Double.isNaN(result.p95()) || result.p95() > options.limitMs() || result.undelivered() > 0.05;
  }

  private static String report(LoadOptions options, List<LoadResult> reference, List<LoadResult> steps,
      String loadBefore, String loadAfter) throws IOException {
    StringBuilder out = new StringBuilder();
    out.append("## Load run\n\n").append(Machine.describe()).append("\n\n");
    out.append(String.format(Locale.ROOT, "Load average before: %s; after: %s.%n%n", loadBefore, loadAfter));
    out.append(String.format(Locale.ROOT,
        "Reference load: %d clients in %d rooms, %.0f msg/s each, %d-byte messages; %d s warm-up, %d s measured "
            + "(after an unreported %d s round on each fresh server process). Latency: send to delivery, "
            + "same clock. Server CPU: utime+stime of the server process over the window. Other CPU: what the "
            + "rest of the machine used in the window; a run where it passed %.2f cores on average was repeated, "
            + "up to %d times (the attempts column).%n%n",
        options.clients(), options.rooms(), options.rate(), ChatClient.MESSAGE_BYTES, options.warmupSeconds(),
        options.seconds(), options.firstWarmupSeconds(), options.maxOtherCores(), options.retries()));
    out.append(LoadResult.HEADER).append('\n');
    reference.forEach(r -> out.append(r.row()).append('\n'));
    out.append('\n').append(ratios(reference)).append('\n');
    if (!steps.isEmpty()) {
      out.append(String.format(Locale.ROOT,
          "### Steps: %d clients per room, %d s warm-up, %d s measured; a server stops at p95 > %.0f ms "
              + "(or more than 5 %% undelivered 2 s after the window)%n%n",
          options.roomSize(), options.stepWarmupSeconds(), options.stepSeconds(), options.limitMs()));
      out.append(LoadResult.HEADER).append('\n');
      steps.forEach(r -> out.append(r.row()).append('\n'));
      out.append('\n').append(stepSummary(options, steps)).append('\n');
    }
    return out.toString();
  }

  /** Chanx against each other server, at the reference load, per compression setting. */
  static String ratios(List<LoadResult> reference) {
    StringBuilder out = new StringBuilder();
    out.append("### Ratios at the reference load (generated Chanx ÷ other; throughput above 1 and latency or CPU "
        + "below 1 favour Chanx)\n\n");
    out.append("| compression | other server | delivered/s | p50 | p99 | server CPU per delivery |\n|---|---|---|---|---|---|\n");
    for (boolean deflate : List.of(false, true)) {
      Optional<LoadResult> ours = find(reference, ServerKind.CHANX, deflate);
      if (ours.isEmpty()) {
        continue;
      }
      for (ServerKind other : List.of(ServerKind.JETTY, ServerKind.NODE, ServerKind.QUARKUS)) {
        find(reference, other, deflate).ifPresent(theirs -> out.append(String.format(Locale.ROOT,
            "| %s | %s (%s) | %.2f | %.2f | %.2f | %.2f |%n", deflate ? "deflate offered" : "none offered",
            other.label, theirs.negotiated(), ours.get().deliveredPerSecond() / theirs.deliveredPerSecond(),
            ours.get().p50() / theirs.p50(), ours.get().p99() / theirs.p99(),
            ours.get().cpuMicrosPerDelivery() / theirs.cpuMicrosPerDelivery())));
      }
    }
    return out.toString();
  }

  private static String stepSummary(LoadOptions options, List<LoadResult> steps) {
    StringBuilder out = new StringBuilder();
    out.append("| compression | server | most clients with p95 ≤ limit | delivered/s there | first step past the limit |\n")
        .append("|---|---|---|---|---|\n");
    for (boolean deflate : options.stepDeflate()) {
      for (ServerKind kind : options.servers()) {
        List<LoadResult> mine = steps.stream().filter(r -> r.server() == kind && r.load().deflate() == deflate).toList();
        Optional<LoadResult> best = mine.stream().filter(r -> !pastLimit(r, options))
            .max((a, b) -> Integer.compare(a.load().clients(), b.load().clients()));
        Optional<LoadResult> past = mine.stream().filter(r -> pastLimit(r, options)).findFirst();
        out.append(String.format(Locale.ROOT, "| %s | %s | %s | %s | %s |%n", deflate ? "deflate offered" : "none offered",
            kind.label, best.map(r -> Integer.toString(r.load().clients())).orElse("none"),
            best.map(r -> String.format(Locale.ROOT, "%.0f", r.deliveredPerSecond())).orElse("-"),
            past.map(r -> String.format(Locale.ROOT, "%d (p95 %.0f ms, %.1f %% undelivered)", r.load().clients(),
                r.p95(), 100 * r.undelivered())).orElse("not reached")));
      }
    }
    out.append("\nChanx ÷ bare Jetty at the same client count (delivered/s, p99):\n\n")
        .append("| compression | clients | delivered/s | p99 |\n|---|---|---|---|\n");
    for (boolean deflate : options.stepDeflate()) {
      for (LoadResult ours : steps) {
        if (ours.server() != ServerKind.CHANX || ours.load().deflate() != deflate) {
          continue;
        }
        steps.stream().filter(r -> r.server() == ServerKind.JETTY && r.load().deflate() == deflate
            && r.load().clients() == ours.load().clients()).findFirst().ifPresent(floor -> out.append(String.format(
            Locale.ROOT, "| %s | %d | %.2f | %.2f |%n", deflate ? "deflate offered" : "none offered",
            ours.load().clients(), ours.deliveredPerSecond() / floor.deliveredPerSecond(), ours.p99() / floor.p99())));
      }
    }
    return out.toString();
  }

  private static Optional<LoadResult> find(List<LoadResult> results, ServerKind kind, boolean deflate) {
    return results.stream().filter(r -> r.server() == kind && r.load().deflate() == deflate).findFirst();
  }

  private static void progress(String format, Object... args) {
    System.err.printf(Locale.ROOT, "[load] " + format + "%n", args);
  }
}
