package dev.chanx.redis;

import io.lettuce.core.ScriptOutputType;
import io.lettuce.core.api.StatefulRedisConnection;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Runs the append script of recoverable sends in the order they were made, never waiting: while
 * Redis is unreachable the sends wait in a bounded queue and go out in order once it answers again.
 * A send that finds the queue full is lost; the groups it was for then have their history reset
 * (a fresh epoch), in its place in the order, so that every client of theirs, on any node, is told
 * that frames may be missing instead of missing them silently.
 */
final class HistoryPublisher {

  private static final Logger LOG = LoggerFactory.getLogger(HistoryPublisher.class);
  private static final byte[][] NO_VALUES = {};
  // Where an append's arguments hold its number (ARGV[6] of the script).
  static final int SEQUENCE = 5;
  private static final String RESET = "redis.call('DEL', KEYS[1], KEYS[2]) return 1";

  /** One script run: an append, or a reset of lost groups' histories. */
  record Send(String[] keys, byte[][] args, List<String> groups, boolean reset) {}

  private final StatefulRedisConnection<String, byte[]> connection;
  private final RedisNames names;
  private final int maxQueued;
  private final DropLog drops;
  // Guards everything below; held while a send is handed to Lettuce, so they leave in order.
  private final Object lock = new Object();
  // By sequence number: a send Redis did not take goes back in its place.
  private final TreeMap<Long, Send> queued = new TreeMap<>();
  private long sequence;
  // Groups with a reset already queued and not yet run.
  private final Set<String> resetting = new HashSet<>();

  HistoryPublisher(StatefulRedisConnection<String, byte[]> connection, RedisNames names, int maxQueued,
      DropLog drops) {
    this.connection = connection;
    this.names = names;
    this.maxQueued = maxQueued;
    this.drops = drops;
  }

  /** Runs an append now, or after those waiting. */
  void append(Send send) {
    synchronized (lock) {
      long number = sequence++;
      send.args()[SEQUENCE] = Long.toString(number).getBytes(java.nio.charset.StandardCharsets.US_ASCII);
      if (queued.isEmpty() && connection.isOpen()) {
        run(number, send);
      } else if (queued.size() < maxQueued) {
        queued.put(number, send);
      } else {
        lost(send, maxQueued + " recoverable sends already wait for Redis");
      }
    }
  }

  /** Sends what waits, in order, while Redis takes it; called on a timer and after a failure. */
  void flush() {
    synchronized (lock) {
      // At most what waits now: a send refused at once goes back, and waits for the next flush.
      for (int n = queued.size(); n > 0 && !queued.isEmpty() && connection.isOpen(); n--) {
        Map.Entry<Long, Send> first = queued.pollFirstEntry();
        run(first.getKey(), first.getValue());
      }
    }
  }

  /** Resets a group's history after the sends made so far: frames of it were lost on the way to some node. */
  void reset(String group) {
    synchronized (lock) {
      if (resetting.add(group)) {
        queued.put(sequence++, resetOf(group));
      }
    }
    flush();
  }

  /** How many sends wait for Redis. */
  int queued() {
    synchronized (lock) {
      return queued.size();
    }
  }

  private void run(long number, Send send) {
    if (send.reset()) {
      resetting.removeAll(send.groups());
    }
    try {
      connection.async().<Object>eval(send.reset() ? RESET : HistoryScripts.APPEND, ScriptOutputType.VALUE,
              send.keys(), send.args())
          .whenComplete((done, failure) -> {
            if (failure != null) {
              retry(number, send, failure);
            }
          });
    } catch (RuntimeException e) {
      retry(number, send, e);
    }
  }

  /**
   * A send Redis did not take (it went away meanwhile): back in its place in the queue, so it
   * leaves before the sends made after it. (One Redis ran but could not answer runs twice.)
   */
  private void retry(long number, Send send, Throwable failure) {
    LOG.debug("A recoverable send waits for Redis: {}", failure.toString());
    synchronized (lock) {
      queued.put(number, send);
    }
  }

  private void lost(Send send, String why) {
    drops.dropped(why);
    for (String group : send.groups()) {
      if (resetting.add(group)) {
        LOG.warn("A frame for recoverable group {} was lost ({}); its history will be reset so that its clients "
            + "learn of it", group, why);
        // Beyond the bound, but one per group at most.
        queued.put(sequence++, resetOf(group));
      }
    }
  }

  private Send resetOf(String group) {
    return new Send(new String[] {names.meta(group), names.history(group)}, NO_VALUES, List.of(group), true);
  }
}
