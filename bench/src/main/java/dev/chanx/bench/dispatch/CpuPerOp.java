package dev.chanx.bench.dispatch;

import java.lang.management.ManagementFactory;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.Callable;

/**
 * The dispatch benchmark's variants timed by this thread's CPU time rather than the wall clock:
 * on a machine shared with other work, JMH's ops/s fall whenever the benchmark thread waits for
 * a core, while CPU time per operation barely moves. A supplement to JMH, not a replacement: no
 * forks, one JVM, each variant warmed up for the same time, then measured in 20 short slices taken
 * in rotation with the others.
 * Usage: {@code java -cp chanx-bench.jar dev.chanx.bench.dispatch.CpuPerOp [seconds per variant]}.
 */
public final class CpuPerOp {

  private static final int ROUNDS = 20;

  private static volatile int sink;

  private CpuPerOp() {}

  public static void main(String[] args) throws Exception {
    double seconds = args.length > 0 ? Double.parseDouble(args[0]) : 2;
    DispatchBench bench = new DispatchBench();
    bench.setUp();
    Map<String, Callable<Object>> variants = new LinkedHashMap<>();
    variants.put("chatPipeline", bench::chatPipeline);
    variants.put("chatQuick", bench::chatQuick);
    variants.put("chatDecode", bench::chatDecode);
    variants.put("chatTree", bench::chatTree);
    variants.put("chatJackson", bench::chatJackson);
    variants.put("orderPipeline", bench::orderPipeline);
    variants.put("orderQuick", bench::orderQuick);
    variants.put("orderDecode", bench::orderDecode);
    variants.put("orderTree", bench::orderTree);
    variants.put("orderJackson", bench::orderJackson);
    com.sun.management.ThreadMXBean threads = (com.sun.management.ThreadMXBean) ManagementFactory.getThreadMXBean();
    long self = Thread.currentThread().getId();
    // A warm-up slice per variant, then many short slices in rotation: when the machine slows
    // down for a while (a neighbour on the host), every variant of a round sees the same slowdown,
    // and the median of the per-round ratios to the baseline cancels it.
    for (Callable<Object> variant : variants.values()) {
      slice(variant, seconds, threads, self);
    }
    Map<String, List<Double>> nanos = new LinkedHashMap<>();
    Map<String, Double> bytes = new LinkedHashMap<>();
    for (int round = 0; round < ROUNDS; round++) {
      for (Map.Entry<String, Callable<Object>> variant : variants.entrySet()) {
        double[] perOp = slice(variant.getValue(), seconds / 10, threads, self);
        nanos.computeIfAbsent(variant.getKey(), k -> new ArrayList<>()).add(perOp[0]);
        bytes.put(variant.getKey(), perOp[1]);
      }
    }
    System.out.println("| variant | CPU ns/op (median of " + ROUNDS + " rounds) | ÷ Jackson baseline (median of the"
        + " rounds' ratios) | bytes allocated/op | ÷ Jackson baseline |\n|---|---|---|---|---|");
    nanos.forEach((name, ns) -> {
      String baseline = name.startsWith("chat") ? "chatJackson" : "orderJackson";
      List<Double> ratios = new ArrayList<>();
      for (int round = 0; round < ROUNDS; round++) {
        ratios.add(ns.get(round) / nanos.get(baseline).get(round));
      }
      System.out.printf(Locale.ROOT, "| %s | %,.0f | %.2f | %,.0f | %.2f |%n", name, median(ns), median(ratios),
          bytes.get(name), bytes.get(name) / bytes.get(baseline));
    });
  }

  /** Runs a variant for the given wall time: CPU nanoseconds and bytes allocated per operation. */
  public static double[] slice(Callable<Object> variant, double seconds, com.sun.management.ThreadMXBean threads,
      long self) throws Exception {
    long ops = 0;
    long cpuStart = threads.getCurrentThreadCpuTime();
    long allocated = threads.getThreadAllocatedBytes(self);
    long wallEnd = System.nanoTime() + (long) (seconds * 1e9);
    while (System.nanoTime() < wallEnd) {
      for (int i = 0; i < 100; i++) {
        sink += System.identityHashCode(variant.call());
      }
      ops += 100;
    }
    return new double[] {(threads.getCurrentThreadCpuTime() - cpuStart) / (double) ops,
        (threads.getThreadAllocatedBytes(self) - allocated) / (double) ops};
  }

  /** {@return the median of the values} */
  public static double median(List<Double> values) {
    List<Double> sorted = new ArrayList<>(values);
    Collections.sort(sorted);
    int middle = sorted.size() / 2;
    return sorted.size() % 2 == 1 ? sorted.get(middle) : (sorted.get(middle - 1) + sorted.get(middle)) / 2;
  }
}
