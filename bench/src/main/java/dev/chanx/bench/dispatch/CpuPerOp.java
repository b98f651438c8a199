package dev.chanx.bench.dispatch;

import java.lang.management.ManagementFactory;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.Callable;

/**
 * The dispatch benchmark's variants timed by this thread's CPU time rather than the wall clock:
 * on a machine shared with other work, JMH's ops/s fall whenever the benchmark thread waits for
 * a core, while CPU time per operation barely moves. A supplement to JMH, not a replacement: no
 * forks, one JVM, each variant warmed up for the same time before it is measured.
 * Usage: {@code java -cp chanx-bench.jar dev.chanx.bench.dispatch.CpuPerOp [seconds per variant]}.
 */
public final class CpuPerOp {

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
    // Two rounds: the first warms every variant up, the second is reported.
    Map<String, Double> nanos = new LinkedHashMap<>();
    Map<String, Double> bytes = new LinkedHashMap<>();
    for (int round = 0; round < 2; round++) {
      for (Map.Entry<String, Callable<Object>> variant : variants.entrySet()) {
        long ops = 0;
        long cpuStart = threads.getCurrentThreadCpuTime();
        long allocated = threads.getThreadAllocatedBytes(self);
        long wallEnd = System.nanoTime() + (long) (seconds * 1e9);
        while (System.nanoTime() < wallEnd) {
          for (int i = 0; i < 100; i++) {
            sink += System.identityHashCode(variant.getValue().call());
          }
          ops += 100;
        }
        nanos.put(variant.getKey(), (threads.getCurrentThreadCpuTime() - cpuStart) / (double) ops);
        bytes.put(variant.getKey(), (threads.getThreadAllocatedBytes(self) - allocated) / (double) ops);
      }
    }
    System.out.println("| variant | CPU ns/op | ÷ Jackson baseline | bytes allocated/op | ÷ Jackson baseline |\n"
        + "|---|---|---|---|---|");
    nanos.forEach((name, ns) -> {
      String baseline = name.startsWith("chat") ? "chatJackson" : "orderJackson";
      System.out.printf(Locale.ROOT, "| %s | %,.0f | %.2f | %,.0f | %.2f |%n", name, ns, ns / nanos.get(baseline),
          bytes.get(name), bytes.get(name) / bytes.get(baseline));
    });
  }
}
