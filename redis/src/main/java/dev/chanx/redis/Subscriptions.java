package dev.chanx.redis;

import io.lettuce.core.RedisChannelHandler;
import io.lettuce.core.RedisConnectionStateListener;
import io.lettuce.core.pubsub.RedisPubSubAdapter;
import io.lettuce.core.pubsub.StatefulRedisPubSubConnection;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * This node's subscribing connection: issues SUBSCRIBE and UNSUBSCRIBE without waiting, and
 * tracks which channels Redis has confirmed, forgetting them all when the connection drops.
 *
 * <p>Only SUBSCRIBE is used, never PSUBSCRIBE: a channel name is matched exactly.
 */
final class Subscriptions extends RedisPubSubAdapter<String, byte[]> {

  private static final Logger LOG = LoggerFactory.getLogger(Subscriptions.class);

  private final StatefulRedisPubSubConnection<String, byte[]> connection;
  private final Set<String> confirmed = ConcurrentHashMap.newKeySet();

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
    try {
      connection.async().subscribe(channel).whenComplete((ok, failure) -> {
        if (failure != null) {
          LOG.debug("SUBSCRIBE {} failed: {}", channel, failure.toString());
        }
      });
    } catch (RuntimeException e) {
      LOG.debug("SUBSCRIBE {} failed: {}", channel, e.toString());
    }
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
