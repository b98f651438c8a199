package dev.chanx.bench.fanout;

import com.sun.management.ThreadMXBean;
import dev.chanx.core.codec.TextFrame;
import dev.chanx.server.FanoutProbe;
import java.lang.management.ManagementFactory;
import java.util.Arrays;

/**
 * {@link FanoutBench}'s broadcast timed by this thread's CPU time, not the wall clock, so a busy
 * shared machine disturbs it less: the median of 15 rounds, CPU ns and bytes allocated per
 * recipient.
 *
 * <p>Run: {@code java -cp bench/target-bench/chanx-bench.jar dev.chanx.bench.fanout.FanoutCpu}.
 */
public final class FanoutCpu {

  private FanoutCpu() {}

  public static void main(String[] args) {
    ThreadMXBean threads = (ThreadMXBean) ManagementFactory.getThreadMXBean();
    TextFrame frame = TextFrame.of(
        "{\"action\":\"new_chat_message\",\"payload\":{\"message\":\"" + "x".repeat(60) + "\"}}");
    for (int members : new int[] {20, 1000}) {
      FanoutProbe probe = FanoutProbe.of(members);
      int sends = 20_000_000 / members;
      double[] cpu = new double[15];
      double bytes = 0;
      for (int round = -5; round < cpu.length; round++) {
        long cpuBefore = threads.getCurrentThreadCpuTime();
        long allocatedBefore = threads.getCurrentThreadAllocatedBytes();
        for (int i = 0; i < sends; i++) {
          probe.broadcastToOthers(frame);
        }
        long recipients = (long) sends * (members - 1);
        if (round >= 0) {
          cpu[round] = (threads.getCurrentThreadCpuTime() - cpuBefore) / (double) recipients;
          bytes = (threads.getCurrentThreadAllocatedBytes() - allocatedBefore) / (double) recipients;
        }
      }
      Arrays.sort(cpu);
      System.out.printf("%4d members: %.1f CPU ns per recipient (median of %d rounds; min %.1f), %.1f bytes%n",
          members, cpu[cpu.length / 2], cpu.length, cpu[0], bytes);
    }
  }
}
