package dev.chanx.bench.recovery;

import dev.chanx.core.codec.TextFrame;
import dev.chanx.redis.RedisChannelLayer;
import dev.chanx.server.layer.History;
import dev.chanx.server.layer.HistoryGroup;
import dev.chanx.server.layer.HistoryRead;
import dev.chanx.server.layer.LocalDelivery;
import dev.chanx.server.layer.Position;
import io.lettuce.core.Range;
import io.lettuce.core.RedisClient;
import io.lettuce.core.ScriptOutputType;
import io.lettuce.core.StreamMessage;
import io.lettuce.core.api.sync.RedisCommands;
import io.lettuce.core.codec.ByteArrayCodec;
import io.lettuce.core.codec.RedisCodec;
import io.lettuce.core.codec.StringCodec;
import java.lang.management.ManagementFactory;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.IntSupplier;

/**
 * Restoring 1,000 missed frames from Redis: the wall time of the layer's history read until its
 * 1,000 frames are ready to queue, after 10,000 and after 1,000,000 frames were published to 1,000
 * other groups (each group has its own stream, so other traffic is never scanned); and, in the
 * same run and in rotation with it, where that time goes:
 *
 * <ul>
 *   <li>{@code PING}: one round trip to Redis, the floor;
 *   <li>{@code Lua XRANGE, count only}: the script's work in Redis (meta hash, XRANGE of 1,000
 *       entries into Lua) without sending them;
 *   <li>{@code XRANGE, Lettuce maps}: a plain XRANGE decoded by Lettuce into a message and a map per entry;
 *   <li>{@code read before}: the read as it was, one Lua script that skips what is past the
 *       window and returns the frames as stored in one flat reply;
 *   <li>{@code read now}: the layer's read, plain commands without Lua (epoch and head, {@code
 *       XRANGE}, {@code TIME}, the epoch again) sent without waiting, each entry decoded flat in
 *       Java and the window checked there.
 * </ul>
 *
 * <p>p50 and p99 of 300 rounds each. Run with a Redis on {@code redis://127.0.0.1:6379} (or the URI
 * as the first argument): {@code java -cp bench/target-bench/chanx-bench.jar dev.chanx.bench.recovery.RecoveryRedis}.
 */
public final class RecoveryRedis {

  private static final TextFrame FRAME = TextFrame.of(
      "{\"action\":\"new_chat_message\",\"payload\":{\"message\":\"" + "x".repeat(60) + "\"}}");
  private static final int MISSED = 1000;

  // The read before it left Lua (the script of HistoryScripts.READ, which the layer now keeps for
  // a group with no epoch): it skips entries past the window and replies {epoch, head, first
  // offset, frames...}, for the comparison.
  private static final String READ_BEFORE = """
      local epoch = redis.call('HGET', KEYS[1], 'epoch')
      local head = tonumber(redis.call('HGET', KEYS[1], 'offset'))
      local after = tonumber(ARGV[1])
      local out = {epoch, head, 0}
      if after >= 0 and ARGV[2] == epoch and after < head then
        local entries = redis.call('XRANGE', KEYS[2], (after + 1) .. '-0', '+', 'COUNT', ARGV[3])
        local time = redis.call('TIME')
        local oldest = tonumber(time[1]) * 1000 + math.floor(tonumber(time[2]) / 1000) - tonumber(ARGV[4])
        for i = 1, #entries do
          local fields = entries[i][2]
          local frame, sent
          for j = 1, #fields - 1, 2 do
            if fields[j] == 'f' then
              frame = fields[j + 1]
            elseif fields[j] == 't' then
              sent = tonumber(fields[j + 1])
            end
          end
          if not frame then
            break
          end
          if out[3] == 0 then
            if sent and sent >= oldest then
              out[3] = tonumber(string.match(entries[i][1], '^%d+'))
              out[4] = frame
            end
          else
            out[#out + 1] = frame
          end
        end
      end
      return out
      """;
  private static final String COUNT_ONLY = """
      local entries = redis.call('XRANGE', KEYS[2], (tonumber(ARGV[1]) + 1) .. '-0', '+', 'COUNT', ARGV[3])
      return #entries
      """;

  private RecoveryRedis() {}

  public static void main(String[] args) {
    String uri = args.length > 0 ? args[0] : "redis://127.0.0.1:6379";
    System.out.printf("load average at start: %.2f%n%n", ManagementFactory.getOperatingSystemMXBean()
        .getSystemLoadAverage());
    System.out.println("| frames in other groups | what | wall p50 | wall p99 |");
    System.out.println("|---:|---|---:|---:|");
    for (int others : new int[] {10_000, 1_000_000}) {
      restore(uri, others);
    }
    System.out.printf("%nload average at end: %.2f%n", ManagementFactory.getOperatingSystemMXBean()
        .getSystemLoadAverage());
  }

  private static void restore(String uri, int others) {
    String namespace = "bench-recovery-" + System.nanoTime();
    RedisChannelLayer layer = RedisChannelLayer.create(uri).namespace(namespace);
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
    RedisClient client = RedisClient.create(uri);
    try (var connection = client.connect(RedisCodec.of(StringCodec.UTF8, ByteArrayCodec.INSTANCE))) {
      RedisCommands<String, byte[]> redis = connection.sync();
      HistoryGroup room = new HistoryGroup("bench/room", "room", new History(Duration.ofMinutes(2), MISSED));
      History small = new History(Duration.ofMinutes(2), 100);
      for (int i = 0; i < MISSED; i++) {
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
      String[] keys = {namespace + ":m:bench/room", namespace + ":h:bench/room"};
      byte[][] readArgs = {bytes("0"), bytes(epoch), bytes(Integer.toString(MISSED)),
          bytes(Long.toString(Duration.ofMinutes(2).toMillis()))};
      Map<String, IntSupplier> ways = new LinkedHashMap<>();
      ways.put("PING", () -> redis.ping().length());
      ways.put("Lua XRANGE, count only", () -> (int) (long) redis.<Long>eval(COUNT_ONLY, ScriptOutputType.INTEGER, keys,
          readArgs));
      ways.put("XRANGE, Lettuce maps", () -> {
        List<StreamMessage<String, byte[]>> entries = redis.xrange(keys[1], Range.create("1-0", "+"));
        int n = 0;
        for (StreamMessage<String, byte[]> entry : entries) {
          n += entry.getBody().get("f") != null ? 1 : 0;
        }
        return n;
      });
      ways.put("read before (Lua script)", () -> before(redis.eval(READ_BEFORE, ScriptOutputType.MULTI, keys,
          readArgs)));
      ways.put("read now (the layer's)", () -> {
        HistoryRead read = layer.history(room, new Position(epoch, 0)).join();
        return read.frames().size();
      });
      int runs = 300;
      Map<String, long[]> walls = new LinkedHashMap<>();
      ways.keySet().forEach(way -> walls.put(way, new long[runs]));
      for (int run = -50; run < runs; run++) {
        for (Map.Entry<String, IntSupplier> way : ways.entrySet()) {
          long start = System.nanoTime();
          int got = way.getValue().getAsInt();
          long took = System.nanoTime() - start;
          if (!way.getKey().equals("PING") && got != MISSED) {
            throw new IllegalStateException(way.getKey() + " read " + got + " frames, not " + MISSED);
          }
          if (run >= 0) {
            walls.get(way.getKey())[run] = took;
          }
        }
      }
      for (Map.Entry<String, long[]> way : walls.entrySet()) {
        long[] wall = way.getValue();
        Arrays.sort(wall);
        System.out.printf("| %,d | %s | %.3f ms | %.3f ms |%n", others, way.getKey(), wall[runs / 2] / 1e6,
            wall[runs * 99 / 100] / 1e6);
      }
    } finally {
      client.shutdown();
      layer.stop();
    }
  }

  /** Decodes the reply of the read before as the layer did: epoch, head, first offset, the frames. */
  @SuppressWarnings("unchecked")
  private static int before(Object replyObject) {
    List<Object> reply = (List<Object>) replyObject;
    String epoch = text(reply.get(0));
    long head = (Long) reply.get(1);
    long first = (Long) reply.get(2);
    List<HistoryRead.Entry> frames = new ArrayList<>(reply.size() - 3);
    for (int i = 3; i < reply.size(); i++) {
      frames.add(new HistoryRead.Entry(first + i - 3, TextFrame.ofUtf8((byte[]) reply.get(i))));
    }
    return new HistoryRead(epoch, head, frames).frames().size();
  }

  private static String text(Object value) {
    return value instanceof byte[] bytes ? new String(bytes, StandardCharsets.UTF_8) : String.valueOf(value);
  }

  private static byte[] bytes(String text) {
    return text.getBytes(StandardCharsets.UTF_8);
  }
}
