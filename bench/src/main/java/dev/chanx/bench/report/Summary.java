package dev.chanx.bench.report;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.json.JsonMapper;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/**
 * Reads what one run of {@code bench/run-all.sh} wrote (jmh.json, load-*.csv, connections.csv,
 * generator.json) and writes {@code summary.md}: the dispatch table and every target of issue 8
 * as a ratio from that run, met or missed. Anything a part did not produce is said to be missing.
 * Usage: {@code Summary [results folder] [p95 limit ms]}.
 */
public final class Summary {

  private static final String BENCH = "dev.chanx.bench.dispatch.DispatchBench.";

  private final StringBuilder out = new StringBuilder();
  private final List<String[]> targets = new ArrayList<>();

  private Summary() {}

  public static void main(String[] args) throws Exception {
    Path results = Path.of(args.length > 0 ? args[0] : "bench/results");
    double limitMs = args.length > 1 ? Double.parseDouble(args[1]) : 500;
    Summary summary = new Summary();
    summary.dispatch(results.resolve("jmh.json"), results.resolve("cpu-per-op.md"));
    summary.load(results.resolve("load-reference.csv"), results.resolve("load-steps.csv"), limitMs);
    summary.connections(results.resolve("connections.csv"));
    summary.generator(results.resolve("generator.json"));
    String text = summary.render();
    System.out.println(text);
    Files.writeString(results.resolve("summary.md"), text);
  }

  private String render() {
    StringBuilder all = new StringBuilder("## Targets of issue 8, from this run\n\n");
    all.append("| target | measured (ratio) | met |\n|---|---|---|\n");
    for (String[] t : targets) {
      all.append("| ").append(t[0]).append(" | ").append(t[1]).append(" | ").append(t[2]).append(" |\n");
    }
    return all.append('\n').append(out).toString();
  }

  private void information(String what, String measured) {
    targets.add(new String[] {what, measured, "n/a"});
  }

  private void target(String what, String measured, Boolean met) {
    targets.add(new String[] {what, measured, met == null ? "missing" : met ? "yes" : "**no**"});
  }

  /** Variant to its CPU time per op over the Jackson baseline's, from CpuPerOp's table, or empty. */
  private static Map<String, Double> cpuPerOp(Path table) throws Exception {
    Map<String, Double> ratios = new LinkedHashMap<>();
    if (Files.exists(table)) {
      for (String line : Files.readAllLines(table)) {
        String[] cells = line.split("\\|");
        if (cells.length > 3 && cells[3].trim().matches("[0-9.]+")) {
          ratios.put(cells[1].trim(), Double.parseDouble(cells[3].trim()));
        }
      }
    }
    return ratios;
  }

  private void dispatch(Path jmh, Path cpuTable) throws Exception {
    Map<String, Double> cpu = cpuPerOp(cpuTable);
    if (!Files.exists(jmh)) {
      target("Dispatch at least as fast as the Jackson baseline", "no jmh.json", null);
      return;
    }
    Map<String, double[]> scores = new LinkedHashMap<>();
    for (JsonNode run : JsonMapper.builder().build().readTree(jmh.toFile())) {
      String name = run.get("benchmark").asText().replace(BENCH, "");
      JsonNode alloc = run.path("secondaryMetrics").path("gc.alloc.rate.norm");
      scores.put(name, new double[] {run.path("primaryMetric").path("score").asDouble(),
          run.path("primaryMetric").path("scoreError").asDouble(), alloc.isMissingNode() ? Double.NaN
          : alloc.path("score").asDouble()});
    }
    out.append("### Dispatch (JMH, throughput, one thread)\n\n| benchmark | ops/s | ± (99.9 %) | B/op |\n|---|---|---|---|\n");
    scores.forEach((name, s) -> out.append(String.format(Locale.ROOT, "| %s | %,.0f | %,.0f | %,.0f |%n", name, s[0], s[1], s[2])));
    out.append('\n');
    if (Files.exists(cpuTable)) {
      out.append("### Dispatch by CPU time per operation (CpuPerOp)\n\n").append(Files.readString(cpuTable).trim())
          .append("\n\n");
    }
    for (String message : List.of("chat", "order")) {
      double[] jackson = scores.get(message + "Jackson");
      // Decode, the tree path, is what invalid frames take: shown in the tables, not a target.
      for (String variant : List.of("Pipeline", "Quick")) {
        double[] ours = scores.get(message + variant);
        if (jackson == null || ours == null) {
          continue;
        }
        double ratio = ours[0] / jackson[0];
        Double cpuRatio = cpu.get(message + variant);
        String cpuText = cpuRatio == null ? ""
            : String.format(Locale.ROOT, "; %.2f× the CPU time per op (CpuPerOp)", cpuRatio);
        target(String.format(Locale.ROOT, "Dispatch ≥ Jackson baseline: %s message, %s", message,
                variant.equals("Pipeline") ? "whole runtime pipeline" : "generated quick path (read) + dispatch"),
            String.format(Locale.ROOT, "%.2f× the ops/s (JMH)%s; %.2f× the bytes allocated per op", ratio, cpuText,
                ours[2] / jackson[2]),
            ratio >= 1.0 && (cpuRatio == null || cpuRatio <= 1.0));
      }
    }
  }

  private record Row(String server, int clients, String compression, String negotiated, double seconds, long sent,
      long expected, long delivered, double p50, double p95, double p99, double serverCpu) {
    double perSecond() {
      return delivered / seconds;
    }

    double cpuPerDelivery() {
      return serverCpu * 1e6 / delivered;
    }

    double undelivered() {
      return expected == 0 ? 0 : Math.max(0, expected - delivered) / (double) expected;
    }
  }

  private static List<Row> rows(Path csv) throws Exception {
    List<Row> rows = new ArrayList<>();
    if (!Files.exists(csv)) {
      return rows;
    }
    List<String> lines = Files.readAllLines(csv);
    for (String line : lines.subList(1, lines.size())) {
      String[] f = line.split(",");
      rows.add(new Row(f[0], Integer.parseInt(f[1]), f[4], f[5], Double.parseDouble(f[6]), Long.parseLong(f[7]),
          Long.parseLong(f[9]), Long.parseLong(f[10]), Double.parseDouble(f[11]), Double.parseDouble(f[12]),
          Double.parseDouble(f[13]), Double.parseDouble(f[16])));
    }
    return rows;
  }

  private static Optional<Row> find(List<Row> rows, String server, String compression) {
    return rows.stream().filter(r -> r.server.equals(server) && r.compression.equals(compression)).findFirst();
  }

  private void load(Path referenceCsv, Path stepsCsv, double limitMs) throws Exception {
    List<Row> reference = rows(referenceCsv);
    List<Row> steps = rows(stepsCsv);
    if (reference.isEmpty()) {
      target("Load targets", "no load-reference.csv", null);
      return;
    }
    for (String compression : List.of("none", "deflate")) {
      Optional<Row> ours = find(reference, "chanx", compression);
      Optional<Row> floor = find(reference, "jetty", compression);
      String when = compression.equals("none") ? "no compression offered" : "deflate offered";
      if (ours.isPresent() && floor.isPresent()) {
        Row a = ours.get();
        Row b = floor.get();
        target("Chanx ≥ 0.9× bare Jetty throughput, reference load, " + when + " (Jetty negotiated: " + b.negotiated + ")",
            String.format(Locale.ROOT, "%.2f×", a.perSecond() / b.perSecond()), a.perSecond() / b.perSecond() >= 0.9);
        target("Chanx p99 ≤ 1.2× bare Jetty's, reference load, " + when,
            String.format(Locale.ROOT, "%.2f× (%.1f vs %.1f ms)", a.p99 / b.p99, a.p99, b.p99), a.p99 / b.p99 <= 1.2);
      }
      for (String peer : List.of("node", "quarkus")) {
        Optional<Row> theirs = find(reference, peer, compression);
        if (ours.isEmpty() || theirs.isEmpty()) {
          continue;
        }
        Row a = ours.get();
        Row b = theirs.get();
        String name = peer.equals("node") ? "Node ws" : "Quarkus WS Next";
        target("Chanx p99 below " + name + "'s, reference load, " + when + " (" + name + " negotiated: " + b.negotiated + ")",
            String.format(Locale.ROOT, "%.2f× (%.1f vs %.1f ms)", a.p99 / b.p99, a.p99, b.p99), a.p99 < b.p99);
        target("Chanx server CPU per delivery below " + name + "'s, reference load, " + when,
            String.format(Locale.ROOT, "%.2f× (%.1f vs %.1f µs)", a.cpuPerDelivery() / b.cpuPerDelivery(),
                a.cpuPerDelivery(), b.cpuPerDelivery()), a.cpuPerDelivery() < b.cpuPerDelivery());
      }
    }
    if (steps.isEmpty()) {
      return;
    }
    Map<String, Row> best = new LinkedHashMap<>();
    for (Row r : steps) {
      boolean within = !Double.isNaN(r.p95) && r.p95 <= limitMs && r.undelivered() <= 0.05;
      if (r.compression.equals("none") && within
          && (!best.containsKey(r.server) || best.get(r.server).clients < r.clients)) {
        best.put(r.server, r);
      }
    }
    Row ours = best.get("chanx");
    for (String other : List.of("jetty", "node", "quarkus")) {
      Row theirs = best.get(other);
      if (ours == null || theirs == null) {
        continue;
      }
      double ratio = ours.perSecond() / theirs.perSecond();
      String name = switch (other) {
        case "jetty" -> "bare Jetty";
        case "node" -> "Node ws";
        default -> "Quarkus WS Next";
      };
      target("Throughput: most deliveries/s with p95 ≤ " + (int) limitMs + " ms, Chanx " + (other.equals("jetty")
              ? "≥ 0.9× " : "ahead of ") + name + " (stepped clients, no compression)",
          String.format(Locale.ROOT, "%.2f× (%,.0f/s at %d clients vs %,.0f/s at %d)", ratio, ours.perSecond(),
              ours.clients, theirs.perSecond(), theirs.clients), other.equals("jetty") ? ratio >= 0.9 : ratio > 1.0);
    }
    for (Row a : steps) {
      if (!a.server.equals("chanx") || !a.compression.equals("none")) {
        continue;
      }
      steps.stream().filter(b -> b.server.equals("jetty") && b.compression.equals("none") && b.clients == a.clients)
          .findFirst().ifPresent(b -> target(String.format(Locale.ROOT,
                  "Chanx at %d clients (no compression): ≥ 0.9× bare Jetty throughput, p99 ≤ 1.2×", a.clients),
              String.format(Locale.ROOT, "%.2f× delivered/s, %.2f× p99", a.perSecond() / b.perSecond(), a.p99 / b.p99),
              a.perSecond() / b.perSecond() >= 0.9 && a.p99 / b.p99 <= 1.2));
    }
  }

  private void connections(Path csv) throws Exception {
    if (!Files.exists(csv)) {
      target("Memory per connection ≤ 1.1× bare Jetty's", "no connections.csv", null);
      return;
    }
    Map<String, double[]> per = new LinkedHashMap<>();
    List<String> lines = Files.readAllLines(csv);
    for (String line : lines.subList(1, lines.size())) {
      String[] f = line.split(",");
      per.put(f[0], new double[] {Double.parseDouble(f[1]), Double.parseDouble(f[2]), Double.parseDouble(f[3])});
    }
    double[] ours = per.get("chanx");
    double[] floor = per.get("jetty");
    if (ours == null || floor == null) {
      target("Memory per connection ≤ 1.1× bare Jetty's", "missing a server", null);
      return;
    }
    target(String.format(Locale.ROOT, "Heap per idle connection ≤ 1.1× bare Jetty's (%,.0f connections)", ours[0]),
        String.format(Locale.ROOT, "%.2f× (%.1f vs %.1f KiB)", ours[1] / floor[1], ours[1], floor[1]),
        ours[1] / floor[1] <= 1.1);
    information("RSS per idle connection (not a target; RSS also counts heap the JVM has not returned)",
        String.format(Locale.ROOT, "%.2f× (%.1f vs %.1f KiB)", ours[2] / floor[2], ours[2], floor[2]));
  }

  private void generator(Path json) throws Exception {
    if (!Files.exists(json)) {
      target("Generator ≥ 3× faster than the Modelina CLI", "no generator.json", null);
      return;
    }
    JsonNode results = JsonMapper.builder().build().readTree(json.toFile()).path("results");
    double chanx = Double.NaN;
    double modelina = Double.NaN;
    out.append("### Generator (hyperfine, cold processes)\n\n| command | median s | mean s | runs |\n|---|---|---|---|\n");
    for (JsonNode r : results) {
      String command = r.path("command").asText();
      double median = r.path("median").asDouble();
      out.append(String.format(Locale.ROOT, "| `%s` | %.3f | %.3f | %d |%n", command, median, r.path("mean").asDouble(),
          r.path("times").size()));
      if (command.contains("chanx-gen")) {
        chanx = median;
      } else if (command.contains("asyncapi")) {
        modelina = median;
      }
    }
    out.append('\n');
    target("Generator ≥ 3× faster than `asyncapi generate models java` (medians)",
        String.format(Locale.ROOT, "%.2f× (%.2f s vs %.2f s)", modelina / chanx, chanx, modelina), modelina / chanx >= 3);
  }
}
