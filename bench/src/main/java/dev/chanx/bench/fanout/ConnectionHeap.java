package dev.chanx.bench.fanout;

import dev.chanx.server.FanoutProbe;
import java.lang.management.ManagementFactory;
import java.lang.management.MemoryMXBean;

/**
 * Heap the runtime keeps per idle connection, sockets left out: opens connections as a socket
 * does (registered, an outbox, one group of 100 joined) and divides the heap in use after full
 * collections by their number. A quick, repeatable check beside {@code IdleConnections}.
 *
 * <p>Run: {@code java -Xmx2g -cp bench/target-bench/chanx-bench.jar dev.chanx.bench.fanout.ConnectionHeap [connections]}.
 */
public final class ConnectionHeap {

  private ConnectionHeap() {}

  public static void main(String[] args) throws InterruptedException {
    int count = args.length > 0 ? Integer.parseInt(args[0]) : 100_000;
    FanoutProbe node = FanoutProbe.of(1);
    FanoutProbe.openOne(node, "warm-up");
    Object[] kept = new Object[count];
    long before = usedAfterGc();
    for (int i = 0; i < count; i++) {
      kept[i] = FanoutProbe.openOne(node, "room" + (i % 100));
    }
    long after = usedAfterGc();
    System.out.printf("%d connections: %.1f bytes each%n", count, (after - before) / (double) count);
    if (kept[count - 1] == null) {
      throw new AssertionError();
    }
  }

  private static long usedAfterGc() throws InterruptedException {
    MemoryMXBean memory = ManagementFactory.getMemoryMXBean();
    for (int i = 0; i < 4; i++) {
      System.gc();
      Thread.sleep(100);
    }
    return memory.getHeapMemoryUsage().getUsed();
  }
}
