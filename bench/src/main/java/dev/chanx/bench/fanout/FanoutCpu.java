package dev.chanx.bench.fanout;

import com.sun.management.ThreadMXBean;
import dev.chanx.core.codec.TextFrame;
import dev.chanx.server.FanoutProbe;
import java.lang.management.ManagementFactory;
import java.util.Arrays;

/**
 * {@link FanoutBench}'s broadcast timed by this thread's CPU time, not the wall clock, so a busy
 * shared machine disturbs it less: the runtime's own share of a delivery (the write itself is
 * dropped), on the default transport and on Jetty's WebSocket implementation, their rounds taken
 * in rotation; the median of 15 rounds, CPU ns and bytes allocated per recipient.
 *
 * <p>Run: {@code java -cp bench/target-bench/chanx-bench.jar dev.chanx.bench.fanout.FanoutCpu}.
 */
public final class FanoutCpu {

  private static final String[] TRANSPORTS = {"default (lean)", "Jetty WebSocket"};

  private FanoutCpu() {}

  public static void main(String[] args) {
    ThreadMXBean threads = (ThreadMXBean) ManagementFactory.getThreadMXBean();
    TextFrame frame = TextFrame.of(
        "{\"action\":\"new_chat_message\",\"payload\":{\"message\":\"" + "x".repeat(60) + "\"}}");
    for (int members : new int[] {20, 1000}) {
      FanoutProbe[] probes = {FanoutProbe.of(members), FanoutProbe.jetty(members)};
      int sends = 10_000_000 / members;
      double[][] cpu = new double[probes.length][15];
      double[] bytes = new double[probes.length];
      for (int round = -5; round < 15; round++) {
        for (int p = 0; p < probes.length; p++) {
          long cpuBefore = threads.getCurrentThreadCpuTime();
          long allocatedBefore = threads.getCurrentThreadAllocatedBytes();
          for (int i = 0; i < sends; i++) {
            probes[p].broadcastToOthers(frame);
          }
          long recipients = (long) sends * (members - 1);
          if (round >= 0) {
            cpu[p][round] = (threads.getCurrentThreadCpuTime() - cpuBefore) / (double) recipients;
            bytes[p] = (threads.getCurrentThreadAllocatedBytes() - allocatedBefore) / (double) recipients;
          }
        }
      }
      for (int p = 0; p < probes.length; p++) {
        Arrays.sort(cpu[p]);
        System.out.printf("%4d members, %s transport: %.1f CPU ns per recipient (median of 15 rounds; min %.1f), "
            + "%.1f bytes%n", members, TRANSPORTS[p], cpu[p][7], cpu[p][0], bytes[p]);
      }
    }
  }
}
