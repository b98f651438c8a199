package dev.chanx.bench.recovery;

import dev.chanx.core.codec.TextFrame;
import dev.chanx.redis.RedisChannelLayer;
import dev.chanx.server.RecoveryProbe;
import dev.chanx.server.layer.History;
import dev.chanx.server.layer.HistoryGroup;
import dev.chanx.server.layer.HistoryRead;
import dev.chanx.server.layer.Position;
import io.lettuce.core.RedisClient;
import io.lettuce.core.api.sync.RedisCommands;
import io.lettuce.core.codec.StringCodec;
import java.lang.management.ManagementFactory;
import java.lang.management.RuntimeMXBean;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.locks.LockSupport;

/**
 * Restoring 1,000 missed frames from Redis, after 10,000 and after 1,000,000 frames were published
 * to 1,000 other groups (each group has its own stream, so other traffic is never scanned); in
 * rotation in the same run:
 *
 * <ul>
 *   <li>{@code PING}: one round trip to Redis from the benchmark's own connection, the floor;
 *   <li>{@code read}: the layer's history read ({@code layer.history(...).join()}), until its
 *       1,000 frames are ready on the benchmark's thread;
 *   <li>{@code restore}: what the issue calls the server's time to restore: a connection opening
 *       with {@code chanx_recover} (the resume request), through joining the room, the history
 *       read, the recovery frame and the 1,000 frames queued on the socket's outbox (a socket
 *       whose writes complete at once), timed on the thread that queues the last frame; and the
 *       same until the benchmark's thread has woken up ({@code restore, caller woken}), which adds
 *       a thread's wake-up that is no work of the server's.
 * </ul>
 *
 * <p>p50 and p99 of 300 rounds each. {@code --publishing N} keeps N recoverable sends a second
 * going to the other groups from this node during the rounds (the node's own traffic, which
 * shares its Redis connections); {@code --others 10000} picks the amounts of other traffic;
 * {@code --slow 3} prints each round slower than 3 ms with the JVM's uptime, to lay beside
 * {@code -Xlog:gc:stdout:uptime}. Run
 * with a Redis on {@code redis://127.0.0.1:6379} (or the URI as the first argument):
 * {@code java -cp bench/target-bench/chanx-bench.jar dev.chanx.bench.recovery.RecoveryRedis [uri]
 * [--others 10000,1000000] [--publishing 0]}.
 */
public final class RecoveryRedis {

  private static final TextFrame FRAME = TextFrame.of(
      "{\"action\":\"new_chat_message\",\"payload\":{\"message\":\"" + "x".repeat(60) + "\"}}");
  private static final int MISSED = 1000;
  private static final int GROUPS = 1000;
  private static final int RUNS = 300;
  private static final RuntimeMXBean UPTIME = ManagementFactory.getRuntimeMXBean();

  private RecoveryRedis() {}

  /** A way of restoring, timed: {@return nanoseconds} */
  @FunctionalInterface
  private interface Timed {
    long run() throws Exception;
  }

  public static void main(String[] args) throws Exception {
    String uri = "redis://127.0.0.1:6379";
    int[] others = {10_000, 1_000_000};
    int publishing = 0;
    double slow = Double.MAX_VALUE;
    for (int i = 0; i < args.length; i++) {
      switch (args[i]) {
        case "--others" -> others = Arrays.stream(args[++i].split(",")).mapToInt(Integer::parseInt).toArray();
        case "--publishing" -> publishing = Integer.parseInt(args[++i]);
        case "--slow" -> slow = Double.parseDouble(args[++i]);
        default -> uri = args[i];
      }
    }
    System.out.printf("load average at start: %.2f; %d recoverable sends/s elsewhere during the rounds%n%n",
        ManagementFactory.getOperatingSystemMXBean().getSystemLoadAverage(), publishing);
    System.out.println("| frames in other groups | what | wall p50 | wall p99 | max |");
    System.out.println("|---:|---|---:|---:|---:|");
    for (int count : others) {
      restore(uri, count, publishing, (long) (slow * 1e6));
    }
    System.out.printf("%nload average at end: %.2f%n", ManagementFactory.getOperatingSystemMXBean()
        .getSystemLoadAverage());
  }

  private static void restore(String uri, int others, int publishing, long slow) throws Exception {
    String namespace = "bench-recovery-" + System.nanoTime();
    RedisChannelLayer layer = RedisChannelLayer.create(uri).namespace(namespace);
    RecoveryProbe probe = RecoveryProbe.over(layer, MISSED);
    RedisClient client = RedisClient.create(uri);
    AtomicBoolean sending = new AtomicBoolean(true);
    Thread traffic = null;
    try (var connection = client.connect(StringCodec.UTF8)) {
      RedisCommands<String, String> redis = connection.sync();
      for (int i = 0; i < MISSED; i++) {
        probe.publish("room", FRAME);
      }
      for (int i = 0; i < others; i++) {
        probe.publish("other" + (i % GROUPS), FRAME);
        if (i % 2000 == 1999) {
          // The sends leave in order: once the last group has this one, those before are done.
          awaitHead(redis, namespace + ":m:bench/other" + (GROUPS - 1), (i + 1) / GROUPS);
        }
      }
      awaitHead(redis, namespace + ":m:bench/room", MISSED);
      String epoch = probe.epoch();
      HistoryGroup room = new HistoryGroup("bench/room", "room", new History(Duration.ofMinutes(2), MISSED));
      Map<String, Timed> ways = new LinkedHashMap<>();
      ways.put("PING", () -> {
        long start = System.nanoTime();
        redis.ping();
        return System.nanoTime() - start;
      });
      ways.put("read (the layer's history read)", () -> {
        long start = System.nanoTime();
        HistoryRead read = layer.history(room, new Position(epoch, 0)).join();
        long took = System.nanoTime() - start;
        if (read.frames().size() != MISSED) {
          throw new IllegalStateException("read " + read.frames().size() + " frames, not " + MISSED);
        }
        return took;
      });
      long[] woken = new long[1];
      ways.put("**restore** (resume request to frames queued)", () -> {
        long start = System.nanoTime();
        long queued = probe.restore(epoch, 0, MISSED);
        woken[0] = System.nanoTime() - start;
        return queued;
      });
      if (publishing > 0) {
        traffic = traffic(probe, publishing, sending);
      }
      Map<String, long[]> walls = new LinkedHashMap<>();
      ways.keySet().forEach(way -> walls.put(way, new long[RUNS]));
      long[] wakes = new long[RUNS];
      List<String> names = new ArrayList<>(ways.keySet());
      for (int run = -50; run < RUNS; run++) {
        // Each way first in turn, so that what one leaves behind (a GC, a cold cache) hits all alike.
        for (int k = 0; k < names.size(); k++) {
          String way = names.get(Math.floorMod(run + k, names.size()));
          long at = UPTIME.getUptime();
          long took = ways.get(way).run();
          if (run >= 0 && took > slow) {
            // To lay beside -Xlog:gc:stdout:uptime: did a collection pause this round?
            System.out.printf("slow: %s %.3f ms at uptime %.3f s%n", way, took / 1e6, at / 1e3);
          }
          if (run >= 0) {
            walls.get(way)[run] = took;
            if (way.startsWith("**restore")) {
              wakes[run] = woken[0];
            }
          }
        }
      }
      walls.put("restore, caller woken", wakes);
      for (Map.Entry<String, long[]> way : walls.entrySet()) {
        long[] wall = way.getValue();
        Arrays.sort(wall);
        System.out.printf("| %,d | %s | %.3f ms | %.3f ms | %.3f ms |%n", others, way.getKey(), wall[RUNS / 2] / 1e6,
            wall[RUNS * 99 / 100] / 1e6, wall[RUNS - 1] / 1e6);
      }
    } finally {
      sending.set(false);
      if (traffic != null) {
        traffic.join();
      }
      client.shutdown();
      probe.stop();
    }
  }

  /** Waits until a group's head in Redis reaches {@code offset}. */
  private static void awaitHead(RedisCommands<String, String> redis, String meta, long offset) {
    while (true) {
      String head = redis.hget(meta, "offset");
      if (head != null && Long.parseLong(head) >= offset) {
        return;
      }
      LockSupport.parkNanos(200_000);
    }
  }

  /** A thread sending {@code perSecond} recoverable frames a second to the other groups, in bursts every 10 ms. */
  private static Thread traffic(RecoveryProbe probe, int perSecond, AtomicBoolean sending) {
    Thread thread = new Thread(() -> {
      int burst = Math.max(1, perSecond / 100);
      long next = System.nanoTime();
      for (int i = 0; sending.get(); ) {
        for (int j = 0; j < burst; j++, i++) {
          probe.publish("other" + (i % GROUPS), FRAME);
        }
        next += 10_000_000;
        LockSupport.parkNanos(next - System.nanoTime());
      }
    }, "bench-traffic");
    thread.setDaemon(true);
    thread.start();
    return thread;
  }
}
