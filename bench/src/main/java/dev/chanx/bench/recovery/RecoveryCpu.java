package dev.chanx.bench.recovery;

import com.sun.management.ThreadMXBean;
import dev.chanx.core.codec.TextFrame;
import dev.chanx.server.RecoveryProbe;
import java.lang.management.ManagementFactory;
import java.util.Arrays;

/**
 * Recoverable group sends on one node (the in-memory layer), by this thread's CPU time, which a
 * busy shared machine disturbs less than the wall clock:
 *
 * <ol>
 *   <li>fan-out: CPU ns per recipient of a broadcast to 20 and 1,000 members, plain and
 *       recoverable, measured in alternating rounds of the same run; medians of 15 rounds each;
 *   <li>restore: CPU time of one reconnect that recovers 1,000 missed frames (join, history read,
 *       recovery frame, the 1,000 frames queued), after 10,000 and after 1,000,000 frames were
 *       published to 100 other groups; p50 and p99 of 500 reconnects each.
 * </ol>
 *
 * <p>Run: {@code java -cp bench/target-bench/chanx-bench.jar dev.chanx.bench.recovery.RecoveryCpu [fanout|restore]}
 * (no argument: both).
 */
public final class RecoveryCpu {

  private static final ThreadMXBean THREADS = (ThreadMXBean) ManagementFactory.getThreadMXBean();
  private static final TextFrame FRAME = TextFrame.of(
      "{\"action\":\"new_chat_message\",\"payload\":{\"message\":\"" + "x".repeat(60) + "\"}}");

  private RecoveryCpu() {}

  public static void main(String[] args) {
    // "fanout" or "restore" runs one part only.
    String only = args.length > 0 ? args[0] : "";
    System.out.printf("load average at start: %s%n", loadAverage());
    System.out.println();
    if (!only.equals("restore")) {
      System.out.println("| members | plain CPU ns/recipient | recoverable CPU ns/recipient | recoverable / plain |");
      System.out.println("|---:|---:|---:|---:|");
      for (int members : new int[] {20, 1000}) {
        fanout(members);
      }
      System.out.println();
    }
    if (only.equals("fanout")) {
      System.out.printf("%nload average at end: %s%n", loadAverage());
      return;
    }
    System.out.println("| frames in other groups | restore 1,000 missed: CPU p50 | CPU p99 | wall p50 | wall p99 |");
    System.out.println("|---:|---:|---:|---:|---:|");
    for (int others : new int[] {10_000, 1_000_000}) {
      restore(others);
    }
    System.out.printf("%nload average at end: %s%n", loadAverage());
  }

  private static void fanout(int members) {
    RecoveryProbe plain = RecoveryProbe.of(members, false, 1000);
    RecoveryProbe recoverable = RecoveryProbe.of(members, true, 1000);
    int sends = 4_000_000 / members;
    double[] plainCpu = new double[15];
    double[] recoverableCpu = new double[15];
    for (int round = -5; round < plainCpu.length; round++) {
      // Alternating, and each first on every other round, so drift on the machine hits both alike.
      boolean plainFirst = (round & 1) == 0;
      double a = perRecipient(plainFirst ? plain : recoverable, sends, members);
      double b = perRecipient(plainFirst ? recoverable : plain, sends, members);
      if (round >= 0) {
        plainCpu[round] = plainFirst ? a : b;
        recoverableCpu[round] = plainFirst ? b : a;
      }
    }
    double p = median(plainCpu);
    double r = median(recoverableCpu);
    System.out.printf("| %d | %.1f | %.1f | %.2f |%n", members, p, r, r / p);
  }

  private static double perRecipient(RecoveryProbe probe, int sends, int members) {
    long before = THREADS.getCurrentThreadCpuTime();
    for (int i = 0; i < sends; i++) {
      probe.broadcastToOthers(FRAME);
    }
    return (THREADS.getCurrentThreadCpuTime() - before) / (double) ((long) sends * (members - 1));
  }

  private static void restore(int others) {
    RecoveryProbe probe = RecoveryProbe.of(1, true, 1000);
    for (int i = 0; i < 1000; i++) {
      probe.broadcastToOthers(FRAME);
    }
    for (int i = 0; i < others; i++) {
      probe.publish("other" + (i % 100), FRAME);
    }
    String epoch = probe.epoch();
    int runs = 500;
    long[] cpu = new long[runs];
    long[] wall = new long[runs];
    for (int run = -100; run < runs; run++) {
      long cpuBefore = THREADS.getCurrentThreadCpuTime();
      long wallBefore = System.nanoTime();
      int sent = probe.reconnect(epoch, 0);
      if (sent != 1001) {
        throw new IllegalStateException("restored " + sent + " frames, not the recovery frame and 1000");
      }
      if (run >= 0) {
        cpu[run] = THREADS.getCurrentThreadCpuTime() - cpuBefore;
        wall[run] = System.nanoTime() - wallBefore;
      }
    }
    Arrays.sort(cpu);
    Arrays.sort(wall);
    System.out.printf("| %,d | %.3f ms | %.3f ms | %.3f ms | %.3f ms |%n", others, cpu[runs / 2] / 1e6,
        cpu[runs * 99 / 100] / 1e6, wall[runs / 2] / 1e6, wall[runs * 99 / 100] / 1e6);
  }

  private static double median(double[] values) {
    double[] sorted = values.clone();
    Arrays.sort(sorted);
    return sorted[sorted.length / 2];
  }

  private static String loadAverage() {
    return String.format("%.2f", ManagementFactory.getOperatingSystemMXBean().getSystemLoadAverage());
  }
}
