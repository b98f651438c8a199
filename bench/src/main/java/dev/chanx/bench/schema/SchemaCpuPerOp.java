package dev.chanx.bench.schema;

import dev.chanx.bench.dispatch.CpuPerOp;
import java.lang.management.ManagementFactory;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.Callable;

/**
 * {@link SchemaBench}'s variants timed by this thread's CPU time, as {@code CpuPerOp} times the
 * dispatch benchmark's: one JVM, each variant warmed up for the same time, then 20 rounds of short
 * slices taken in rotation, so that a change in the machine's speed reaches every variant alike.
 * Each variant is compared with networknt on the same frame in the same round: variants from text
 * with {@code *Networknt} (parse and validate), variants from a tree with {@code *NetworkntTree};
 * the speed-up is the median of the rounds' ratios (networknt's CPU time ÷ the variant's).
 * Usage: {@code java -cp chanx-bench.jar dev.chanx.bench.schema.SchemaCpuPerOp [seconds per variant]}.
 */
public final class SchemaCpuPerOp {

  private static final int ROUNDS = 20;

  private SchemaCpuPerOp() {}

  public static void main(String[] args) throws Exception {
    double seconds = args.length > 0 ? Double.parseDouble(args[0]) : 2;
    SchemaBench bench = new SchemaBench();
    bench.setUp();
    Map<String, Callable<Object>> variants = new LinkedHashMap<>();
    variants.put("chatPipeline", bench::chatPipeline);
    variants.put("chatDecode", bench::chatDecode);
    variants.put("chatNetworknt", bench::chatNetworknt);
    variants.put("chatDecodeTree", bench::chatDecodeTree);
    variants.put("chatNetworkntTree", bench::chatNetworkntTree);
    variants.put("chatNetworkntFlag", bench::chatNetworkntFlag);
    variants.put("checkoutPipeline", bench::checkoutPipeline);
    variants.put("checkoutDecode", bench::checkoutDecode);
    variants.put("checkoutNetworknt", bench::checkoutNetworknt);
    variants.put("checkoutDecodeTree", bench::checkoutDecodeTree);
    variants.put("checkoutSchema", bench::checkoutSchema);
    variants.put("checkoutNetworkntTree", bench::checkoutNetworkntTree);
    variants.put("checkoutNetworkntFlag", bench::checkoutNetworkntFlag);
    variants.put("paymentsPipeline", bench::paymentsPipeline);
    variants.put("paymentsDecode", bench::paymentsDecode);
    variants.put("paymentsNetworknt", bench::paymentsNetworknt);
    variants.put("paymentsDecodeTree", bench::paymentsDecodeTree);
    variants.put("paymentsSchema", bench::paymentsSchema);
    variants.put("paymentsNetworkntTree", bench::paymentsNetworkntTree);
    variants.put("paymentsNetworkntFlag", bench::paymentsNetworkntFlag);
    com.sun.management.ThreadMXBean threads = (com.sun.management.ThreadMXBean) ManagementFactory.getThreadMXBean();
    long self = Thread.currentThread().getId();
    for (Callable<Object> variant : variants.values()) {
      CpuPerOp.slice(variant, seconds, threads, self);
    }
    Map<String, List<Double>> nanos = new LinkedHashMap<>();
    Map<String, Double> bytes = new LinkedHashMap<>();
    for (int round = 0; round < ROUNDS; round++) {
      for (Map.Entry<String, Callable<Object>> variant : variants.entrySet()) {
        double[] perOp = CpuPerOp.slice(variant.getValue(), seconds / 10, threads, self);
        nanos.computeIfAbsent(variant.getKey(), k -> new ArrayList<>()).add(perOp[0]);
        bytes.put(variant.getKey(), perOp[1]);
      }
    }
    System.out.println("| variant | CPU ns/op (median of " + ROUNDS + " rounds) | compared with | speed-up (median of the"
        + " rounds' networknt ÷ variant) | bytes allocated/op |\n|---|---|---|---|---|");
    nanos.forEach((name, ns) -> {
      String peer = baseline(name);
      List<Double> ratios = new ArrayList<>();
      for (int round = 0; round < ROUNDS; round++) {
        ratios.add(nanos.get(peer).get(round) / ns.get(round));
      }
      System.out.printf(Locale.ROOT, "| %s | %,.0f | %s | %s | %,.0f |%n", name, CpuPerOp.median(ns), peer,
          name.equals(peer) ? "1" : String.format(Locale.ROOT, "%.2f×", CpuPerOp.median(ratios)), bytes.get(name));
    });
  }

  /** networknt on the same frame and from the same input: text, or a tree parsed once. */
  static String baseline(String variant) {
    String frame = variant.replaceAll("[A-Z].*", "");
    boolean fromTree = variant.endsWith("Tree") || variant.endsWith("Schema") || variant.endsWith("Flag");
    return frame + (fromTree ? "NetworkntTree" : "Networknt");
  }
}
