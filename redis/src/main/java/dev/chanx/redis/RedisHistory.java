package dev.chanx.redis;

import dev.chanx.core.codec.TextFrame;
import dev.chanx.server.layer.FramePositions;
import dev.chanx.server.layer.HistoryGroup;
import dev.chanx.server.layer.HistoryRead;
import dev.chanx.server.layer.Position;
import io.lettuce.core.Range;
import io.lettuce.core.ScriptOutputType;
import io.lettuce.core.StreamMessage;
import io.lettuce.core.api.StatefulRedisConnection;
import io.lettuce.core.codec.RedisCodec;
import io.lettuce.core.output.CommandOutput;
import io.lettuce.core.output.ValueListOutput;
import io.lettuce.core.output.ValueOutput;
import io.lettuce.core.protocol.AsyncCommand;
import io.lettuce.core.protocol.Command;
import io.lettuce.core.protocol.CommandArgs;
import io.lettuce.core.protocol.CommandType;
import io.lettuce.core.protocol.RedisCommand;
import java.nio.charset.StandardCharsets;
import java.security.SecureRandom;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;

/**
 * Recoverable groups in Redis: appends through {@link HistoryPublisher}, reads for clients that
 * recover, and ranges and heads for the {@link GroupTracker}s that repair this node's gaps.
 */
final class RedisHistory {

  private static final SecureRandom RANDOM = new SecureRandom();
  // A group's epoch and offset outlive its frames, so a quiet group still recovers with nothing missed.
  private static final long META_MILLIS = Duration.ofDays(1).toMillis();
  private static final long RETRY_MILLIS = 500;
  private static final RedisCodec<String, byte[]> CODEC = RedisConnections.CODEC;

  // The layer's connection for history reads alone: a restore never queues behind the node's
  // publishes and appends, in Redis or in Lettuce, nor is its reply decoded behind their replies.
  private final StatefulRedisConnection<String, byte[]> connection;
  private final RedisNames names;
  private final HistoryPublisher publisher;
  // This node's field in a group's meta hash: the number of its last send there.
  private final byte[] nodeField;

  RedisHistory(StatefulRedisConnection<String, byte[]> connection, RedisNames names, HistoryPublisher publisher,
      String nodeId) {
    this.connection = connection;
    this.names = names;
    this.publisher = publisher;
    // The layer's start too: a node id met again after a restart must not take its old numbers for its own.
    this.nodeField = utf8("n:" + nodeId + ":" + epoch());
  }

  static String epoch() {
    return Long.toString(RANDOM.nextLong() >>> 16, 36);
  }

  /**
   * Appends and publishes a frame to groups, in order with this node's other recoverable sends;
   * the published copies carry the send's wall-clock time and trace context (empty or null for none).
   */
  void append(List<HistoryGroup> groups, TextFrame frame, String exclude, TextFrame after, long sentAtMillis,
      String context) {
    String[] keys = new String[groups.size() * 2];
    List<byte[]> args = new ArrayList<>(4 + groups.size() * 5);
    args.add(FramePositions.head(frame));
    args.add(after == null ? new byte[0] : bytes(after));
    args.add(ascii(epoch()));
    args.add(ascii(Long.toString(Math.max(META_MILLIS, 2 * maxWindow(groups)))));
    args.add(nodeField);
    args.add(null); // the send's number, given in order by the publisher
    List<String> groupKeys = new ArrayList<>(groups.size());
    for (int i = 0; i < groups.size(); i++) {
      HistoryGroup group = groups.get(i);
      keys[2 * i] = names.meta(group.key());
      keys[2 * i + 1] = names.history(group.key());
      args.add(FramePositions.quoted(group.name()).getBytes(StandardCharsets.UTF_8));
      args.add(ascii(names.group(group.key())));
      // From every node to every node, this one included: delivered in the order of the offsets.
      // The send's time and trace context ride in the prefix, so the script's publication carries them.
      args.add(GroupMessage.prefix("", sentAtMillis, context == null ? "" : context, exclude == null ? "" : exclude,
          List.copyOf(groupKeys)));
      args.add(ascii(Integer.toString(group.history().size())));
      args.add(ascii(Long.toString(group.history().window().toMillis())));
      groupKeys.add(group.key());
    }
    publisher.append(new HistoryPublisher.Send(keys, args.toArray(byte[][]::new), groupKeys, false));
  }

  /**
   * Reads a group's history after a position, for a client that recovers: plain commands written
   * together in one flush, without waiting (the group's epoch and head, the stream after the
   * position, Redis's time, the epoch again), decided here as {@link HistoryScripts#READ} decides
   * in Redis. A script would copy every entry into Lua and out again, which costs more than the
   * range itself. The script still serves a group with no epoch (it makes one, atomically) and a
   * read during which the epoch changed.
   */
  CompletableFuture<HistoryRead> read(HistoryGroup group, Position after) {
    String meta = names.meta(group.key());
    try {
      AsyncCommand<String, byte[], List<byte[]>> state = command(CommandType.HMGET, new ValueListOutput<>(CODEC),
          new CommandArgs<>(CODEC).addKey(meta).add("epoch").add("offset"));
      if (after == null || after.offset() < 0) {
        connection.dispatch(state);
        return state.thenCompose(values -> {
          HistoryRead read = head(values);
          return read != null ? CompletableFuture.completedFuture(read) : script(group, after);
        });
      }
      // Before the range: what is appended meanwhile lies past this head and is left out.
      AsyncCommand<String, byte[], StreamFrames.Entries> range = command(CommandType.XRANGE, new StreamFrames(CODEC),
          new CommandArgs<>(CODEC).addKey(names.history(group.key())).add((after.offset() + 1) + "-0").add("+")
              .add("COUNT").add(group.history().size()));
      AsyncCommand<String, byte[], List<byte[]>> time = command(CommandType.TIME, new ValueListOutput<>(CODEC),
          new CommandArgs<>(CODEC));
      // After the range: an epoch unchanged since the head means the range is of that epoch
      // (an epoch is random and never comes back; a reset deletes it before the stream is refilled).
      AsyncCommand<String, byte[], byte[]> epochAfter = command(CommandType.HGET, new ValueOutput<>(CODEC),
          new CommandArgs<>(CODEC).addKey(meta).add("epoch"));
      // One write and one flush for the four: one hand-over to the connection's thread, one
      // packet to Redis, which then answers them together.
      connection.dispatch(List.<RedisCommand<String, byte[], ?>>of(state, range, time, epochAfter));
      return CompletableFuture.allOf(state, range, time, epochAfter).thenCompose(done -> {
            HistoryRead head = head(state.getNow(null));
            byte[] epoch = epochAfter.getNow(null);
            if (head == null || epoch == null || !head.epoch().equals(text(epoch))) {
              return script(group, after);
            }
            return CompletableFuture.completedFuture(
                frames(head, after, range.getNow(null), millis(time.getNow(null)) - group.history().window().toMillis()));
          });
    } catch (RuntimeException e) {
      return CompletableFuture.failedFuture(e);
    }
  }

  private static <T> AsyncCommand<String, byte[], T> command(CommandType type, CommandOutput<String, byte[], T> output,
      CommandArgs<String, byte[]> args) {
    return new AsyncCommand<>(new Command<>(type, output, args));
  }

  /** {@return the epoch and head of a meta hash's values, no frames; null when the group has no epoch} */
  private static HistoryRead head(List<byte[]> values) {
    if (values.size() < 2 || values.get(0) == null || values.get(1) == null) {
      return null;
    }
    return new HistoryRead(text(values.get(0)), Long.parseLong(text(values.get(1))), List.of());
  }

  /**
   * {@return the frames after a position, as the script picks them: none unless the position is in
   * the current epoch and behind its head; entries older than {@code oldest} (ms) skipped at the
   * start; the rest in order up to the head, stopping at an entry without a frame}
   */
  private static HistoryRead frames(HistoryRead head, Position after, StreamFrames.Entries entries, long oldest) {
    if (!after.epoch().equals(head.epoch()) || after.offset() >= head.head()) {
      return head;
    }
    List<HistoryRead.Entry> frames = new ArrayList<>(entries.size());
    for (int i = 0; i < entries.size(); i++) {
      long offset = entries.offset(i);
      byte[] frame = entries.frame(i);
      if (offset > head.head() || frame == null) {
        break;
      }
      if (frames.isEmpty() && entries.time(i) < oldest) {
        continue;
      }
      frames.add(new HistoryRead.Entry(offset, TextFrame.ofUtf8(frame)));
    }
    return new HistoryRead(head.epoch(), head.head(), frames);
  }

  /** {@return Redis's {@code TIME} reply in ms} */
  private static long millis(List<byte[]> time) {
    return Long.parseLong(text(time.get(0))) * 1000 + Long.parseLong(text(time.get(1))) / 1000;
  }

  /** Reads through {@link HistoryScripts#READ}, atomically, for the cases the plain commands leave to it. */
  private CompletableFuture<HistoryRead> script(HistoryGroup group, Position after) {
    byte[][] args = {ascii(epoch()), ascii(Long.toString(Math.max(META_MILLIS, 2 * group.history().window().toMillis()))),
        ascii(after == null ? "-1" : Long.toString(after.offset())), after == null ? new byte[0] : utf8(after.epoch()),
        ascii(Integer.toString(group.history().size())), ascii(Long.toString(group.history().window().toMillis()))};
    try {
      return connection.async().<List<Object>>eval(HistoryScripts.READ, ScriptOutputType.MULTI,
          new String[] {names.meta(group.key()), names.history(group.key())}, args)
          .toCompletableFuture()
          .thenApply(RedisHistory::history);
    } catch (RuntimeException e) {
      return CompletableFuture.failedFuture(e);
    }
  }

  /** The script's reply: epoch, head, the first frame's offset, then the frames in order. */
  private static HistoryRead history(List<Object> reply) {
    String epoch = text(reply.get(0));
    long head = (Long) reply.get(1);
    long first = (Long) reply.get(2);
    List<HistoryRead.Entry> frames = new ArrayList<>(reply.size() - 3);
    for (int i = 3; i < reply.size(); i++) {
      frames.add(new HistoryRead.Entry(first + i - 3, TextFrame.ofUtf8((byte[]) reply.get(i))));
    }
    return new HistoryRead(epoch, head, frames);
  }

  /** Reads a range for a tracker, retrying while Redis does not answer; an incomplete range resets the group. */
  void repair(String groupKey, GroupTracker tracker, long from, long to) {
    try {
      // Ids without their time: from the first entry of offset from to the last of offset to.
      connection.async().xrange(names.history(groupKey), Range.create(Long.toString(from), Long.toString(to)))
          .whenComplete((entries, failure) -> {
            if (failure != null) {
              CompletableFuture.delayedExecutor(RETRY_MILLIS, TimeUnit.MILLISECONDS)
                  .execute(() -> repair(groupKey, tracker, from, to));
              return;
            }
            List<TextFrame> frames = new ArrayList<>(entries.size());
            for (StreamMessage<String, byte[]> entry : entries) {
              byte[] frame = entry.getBody().get("f");
              if (frame != null) {
                frames.add(TextFrame.ofUtf8(frame));
              }
            }
            boolean complete = frames.size() == to - from + 1;
            tracker.repaired(frames, complete);
            if (!complete) {
              publisher.reset(groupKey);
            }
          });
    } catch (RuntimeException e) {
      CompletableFuture.delayedExecutor(RETRY_MILLIS, TimeUnit.MILLISECONDS)
          .execute(() -> repair(groupKey, tracker, from, to));
    }
  }

  /** Reads a group's epoch and head for a tracker; nothing when Redis does not answer or the group has none. */
  void checkHead(String groupKey, GroupTracker tracker) {
    try {
      connection.async().hmget(names.meta(groupKey), "epoch", "offset").whenComplete((values, failure) -> {
        if (failure != null || values.size() < 2 || !values.get(0).hasValue() || !values.get(1).hasValue()) {
          return;
        }
        tracker.head(new Position(text(values.get(0).getValue()), Long.parseLong(text(values.get(1).getValue()))));
      });
    } catch (RuntimeException e) {
      // Redis is away: the next check asks again.
    }
  }

  private static long maxWindow(Collection<HistoryGroup> groups) {
    long max = 0;
    for (HistoryGroup group : groups) {
      max = Math.max(max, group.history().window().toMillis());
    }
    return max;
  }

  private static String text(Object value) {
    return value instanceof byte[] bytes ? new String(bytes, StandardCharsets.UTF_8) : String.valueOf(value);
  }

  private static byte[] bytes(TextFrame frame) {
    byte[] bytes = new byte[frame.length()];
    frame.buffer().get(bytes);
    return bytes;
  }

  private static byte[] ascii(String text) {
    return text.getBytes(StandardCharsets.US_ASCII);
  }

  private static byte[] utf8(String text) {
    return text.getBytes(StandardCharsets.UTF_8);
  }
}
