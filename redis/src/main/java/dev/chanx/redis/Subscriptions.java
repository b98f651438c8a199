package dev.chanx.redis;

import io.lettuce.core.RedisChannelHandler;
import io.lettuce.core.RedisConnectionStateListener;
import io.lettuce.core.pubsub.RedisPubSubAdapter;
import io.lettuce.core.pubsub.StatefulRedisPubSubConnection;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * This node's subscribing connection: issues SUBSCRIBE and UNSUBSCRIBE without waiting, tracks
 * which channels Redis has confirmed, forgetting them all when the connection drops, and tells
 * joins when a SUBSCRIBE they need has been answered.
 *
 * <p>Only SUBSCRIBE is used, never PSUBSCRIBE: a channel name is matched exactly.
 */
final class Subscriptions extends RedisPubSubAdapter<String, byte[]> {

  private static final Logger LOG = LoggerFactory.getLogger(Subscriptions.class);

  private final StatefulRedisPubSubConnection<String, byte[]> connection;
  private final Set<String> confirmed = ConcurrentHashMap.newKeySet();
  // The SUBSCRIBE of each channel that Redis has not answered yet, for the joins that wait for it.
  private final ConcurrentHashMap<String, CompletableFuture<Void>> awaited = new ConcurrentHashMap<>();

  Subscriptions(StatefulRedisPubSubConnection<String, byte[]> connection) {
    this.connection = connection;
    connection.addListener((RedisPubSubAdapter<String, byte[]>) this);
    connection.addListener(new RedisConnectionStateListener() {
      @Override
      public void onRedisDisconnected(RedisChannelHandler<?, ?> handler) {
        // Redis forgets a connection's subscriptions with it; Lettuce subscribes again on reconnect.
        confirmed.clear();
      }
    });
  }

  /** Asks Redis for a channel; a failure is only logged, as the reconciler will ask again. */
  void subscribe(String channel) {
    CompletableFuture<Void> answer = new CompletableFuture<>();
    // Before the command, so that a join right after finds it even if Redis answers at once.
    awaited.put(channel, answer);
    try {
      connection.async().subscribe(channel).whenComplete((ok, failure) -> {
        if (failure != null) {
          LOG.debug("SUBSCRIBE {} failed: {}", channel, failure.toString());
        }
        answered(channel, answer);
      });
    } catch (RuntimeException e) {
      LOG.debug("SUBSCRIBE {} failed: {}", channel, e.toString());
      answered(channel, answer);
    }
  }

  private void answered(String channel, CompletableFuture<Void> answer) {
    awaited.remove(channel, answer);
    answer.complete(null);
  }

  /**
   * {@return a future completed once Redis has answered the channel's last SUBSCRIBE, or at once
   * when none is awaited} Redis answers a SUBSCRIBE after it has registered it, so what is
   * published to the channel from then on reaches this node. It completes at once, too, while the
   * connection is down: the reconciler subscribes again later, and waiting would only hold the
   * member's frames.
   */
  CompletableFuture<Void> answer(String channel) {
    CompletableFuture<Void> answer = awaited.get(channel);
    if (answer == null || !connection.isOpen()) {
      return CompletableFuture.completedFuture(null);
    }
    // A copy: a caller must not be able to complete the one other joins wait for.
    return answer.copy();
  }

  /** Gives a channel up; a failure is only logged, as the reconciler will try again. */
  void unsubscribe(String channel) {
    try {
      connection.async().unsubscribe(channel).whenComplete((ok, failure) -> {
        if (failure != null) {
          LOG.debug("UNSUBSCRIBE {} failed: {}", channel, failure.toString());
        }
      });
    } catch (RuntimeException e) {
      LOG.debug("UNSUBSCRIBE {} failed: {}", channel, e.toString());
    }
  }

  /** Whether Redis has confirmed the subscription and the connection has not dropped since. */
  boolean isConfirmed(String channel) {
    return confirmed.contains(channel);
  }

  /** The confirmed channels (a snapshot). */
  Set<String> confirmed() {
    return Set.copyOf(confirmed);
  }

  /** Whether the connection is up. */
  boolean isOpen() {
    return connection.isOpen();
  }

  @Override
  public void subscribed(String channel, long count) {
    confirmed.add(channel);
  }

  @Override
  public void unsubscribed(String channel, long count) {
    confirmed.remove(channel);
  }
}
