package dev.chanx.bench.recovery;

import dev.chanx.core.codec.TextFrame;
import dev.chanx.redis.RedisChannelLayer;
import dev.chanx.server.layer.History;
import dev.chanx.server.layer.HistoryGroup;
import dev.chanx.server.layer.HistoryRead;
import dev.chanx.server.layer.LocalDelivery;
import dev.chanx.server.layer.Position;
import java.lang.management.ManagementFactory;
import java.time.Duration;
import java.util.Arrays;
import java.util.List;

/**
 * Restoring 1,000 missed frames from Redis: the wall time of the layer's history read (one Lua
 * script: the group's epoch and head, then XRANGE of its own stream) until its 1,000 frames are
 * parsed, after 10,000 and after 1,000,000 frames were published to 1,000 other groups. Each group
 * has its own stream, so other traffic is never scanned. p50 and p99 of 300 reads each.
 *
 * <p>Run with a Redis on {@code redis://127.0.0.1:6379} (or the URI as the first argument):
 * {@code java -cp bench/target-bench/chanx-bench.jar dev.chanx.bench.recovery.RecoveryRedis}.
 */
public final class RecoveryRedis {

  private static final TextFrame FRAME = TextFrame.of(
      "{\"action\":\"new_chat_message\",\"payload\":{\"message\":\"" + "x".repeat(60) + "\"}}");

  private RecoveryRedis() {}

  public static void main(String[] args) {
    String uri = args.length > 0 ? args[0] : "redis://127.0.0.1:6379";
    System.out.printf("load average at start: %.2f%n%n", ManagementFactory.getOperatingSystemMXBean()
        .getSystemLoadAverage());
    System.out.println("| frames in other groups | restore 1,000 missed from Redis: wall p50 | wall p99 |");
    System.out.println("|---:|---:|---:|");
    for (int others : new int[] {10_000, 1_000_000}) {
      restore(uri, others);
    }
    System.out.printf("%nload average at end: %.2f%n", ManagementFactory.getOperatingSystemMXBean()
        .getSystemLoadAverage());
  }

  private static void restore(String uri, int others) {
    RedisChannelLayer layer = RedisChannelLayer.create(uri).namespace("bench-recovery-" + System.nanoTime());
    layer.start(new LocalDelivery() {
      @Override
      public boolean deliver(String connectionId, TextFrame frame) {
        return false;
      }

      @Override
      public String nodeId() {
        return "bench";
      }
    });
    try {
      HistoryGroup room = new HistoryGroup("bench/room", "room", new History(Duration.ofMinutes(2), 1000));
      History small = new History(Duration.ofMinutes(2), 100);
      for (int i = 0; i < 1000; i++) {
        layer.historySend(List.of(room), FRAME, null, null);
      }
      for (int i = 0; i < others; i++) {
        String other = "other" + (i % 1000);
        layer.historySend(List.of(new HistoryGroup("bench/" + other, other, small)), FRAME, null, null);
        if (i % 2000 == 1999) {
          // Sends and reads leave on one connection in order: this waits until those before are done.
          layer.history(room, null).join();
        }
      }
      String epoch = layer.history(room, null).join().epoch();
      int runs = 300;
      long[] wall = new long[runs];
      for (int run = -50; run < runs; run++) {
        long before = System.nanoTime();
        HistoryRead read = layer.history(room, new Position(epoch, 0)).join();
        long took = System.nanoTime() - before;
        if (read.frames().size() != 1000) {
          throw new IllegalStateException("read " + read.frames().size() + " frames, not 1000");
        }
        if (run >= 0) {
          wall[run] = took;
        }
      }
      Arrays.sort(wall);
      System.out.printf("| %,d | %.3f ms | %.3f ms |%n", others, wall[runs / 2] / 1e6, wall[runs * 99 / 100] / 1e6);
    } finally {
      layer.stop();
    }
  }
}
