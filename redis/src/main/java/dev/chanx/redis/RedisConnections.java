package dev.chanx.redis;

import dev.chanx.server.layer.LocalDelivery;
import io.lettuce.core.RedisClient;
import io.lettuce.core.api.StatefulConnection;
import io.lettuce.core.api.StatefulRedisConnection;
import io.lettuce.core.codec.ByteArrayCodec;
import io.lettuce.core.codec.RedisCodec;
import io.lettuce.core.codec.StringCodec;
import io.lettuce.core.pubsub.StatefulRedisPubSubConnection;
import java.util.HashSet;
import java.util.Set;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * What a started layer holds: one connection that subscribes, one that publishes, one that reads
 * histories, and a reconciler that runs every half second; opened by {@link #open}, released by
 * {@link #close}.
 */
final class RedisConnections {

  private static final Logger LOG = LoggerFactory.getLogger(RedisChannelLayer.class);
  // Channel names are ASCII (percent-encoded); messages are bytes, passed through untouched.
  static final RedisCodec<String, byte[]> CODEC = RedisCodec.of(StringCodec.ASCII, ByteArrayCodec.INSTANCE);
  private static final long RECONCILE_MILLIS = 500;
  // Frames a node missed are found within this time plus a read of Redis (the target is 5 s).
  private static final long CHECK_MILLIS = 1000;
  private static final long WAIT_SECONDS = 5;

  private final OwnedClient owned;
  private final RedisNames names;
  private final StatefulRedisPubSubConnection<String, byte[]> subscribing;
  private final StatefulRedisConnection<String, byte[]> publishing;
  private final StatefulRedisConnection<String, byte[]> reading;
  private final Subscriptions subscriptions;
  private final ScheduledExecutorService reconciling;
  private final RedisNode node;

  private RedisConnections(OwnedClient owned, RedisNames names,
      StatefulRedisPubSubConnection<String, byte[]> subscribing,
      StatefulRedisConnection<String, byte[]> publishing, StatefulRedisConnection<String, byte[]> reading,
      RedisNode node, Subscriptions subscriptions, ScheduledExecutorService reconciling) {
    this.owned = owned;
    this.names = names;
    this.subscribing = subscribing;
    this.publishing = publishing;
    this.reading = reading;
    this.node = node;
    this.subscriptions = subscriptions;
    this.reconciling = reconciling;
  }

  /**
   * Connects and subscribes to the node's own channel, blocking the caller (the server's
   * starter, not a server thread) for a few seconds at most.
   *
   * @throws IllegalStateException when Redis cannot be reached
   */
  static RedisConnections open(RedisClient client, OwnedClient owned, RedisNames names, String nodeId,
      LocalDelivery delivery, int maxPending, DropLog drops) {
    StatefulRedisPubSubConnection<String, byte[]> subscribing = null;
    StatefulRedisConnection<String, byte[]> publishing = null;
    StatefulRedisConnection<String, byte[]> reading = null;
    try {
      subscribing = client.connectPubSub(CODEC);
      publishing = client.connect(CODEC);
      reading = client.connect(CODEC);
      Subscriptions subscriptions = new Subscriptions(subscribing);
      LocalGroups groups = new LocalGroups();
      BoundedPublisher publisher = new BoundedPublisher(publishing, maxPending, drops);
      HistoryPublisher historyPublisher = new HistoryPublisher(publishing, names, maxPending, drops);
      RedisHistory history = new RedisHistory(reading, names, historyPublisher, nodeId);
      RedisNode node = new RedisNode(nodeId, delivery, names, groups, subscriptions, publisher, history);
      subscribing.addListener(new Inbox(names, node));
      String nodeChannel = names.node(nodeId);
      subscribing.async().subscribe(nodeChannel).get(WAIT_SECONDS, TimeUnit.SECONDS);
      ScheduledExecutorService reconciling = Executors.newSingleThreadScheduledExecutor(runnable -> {
        Thread thread = new Thread(runnable, "chanx-redis-reconcile-" + nodeId);
        thread.setDaemon(true);
        return thread;
      });
      reconciling.scheduleWithFixedDelay(new Reconciler(names, groups, subscriptions, nodeChannel),
          RECONCILE_MILLIS, RECONCILE_MILLIS, TimeUnit.MILLISECONDS);
      // Sends kept while Redis was away go out in order; gaps a node cannot see otherwise are found.
      reconciling.scheduleWithFixedDelay(() -> {
        try {
          historyPublisher.flush();
          node.checkHeads();
        } catch (RuntimeException e) {
          LOG.warn("Checking recoverable groups failed: {}", e.toString());
        }
      }, CHECK_MILLIS, CHECK_MILLIS, TimeUnit.MILLISECONDS);
      LOG.info("Redis channel layer started: node {}, channel {}", nodeId, nodeChannel);
      return new RedisConnections(owned, names, subscribing, publishing, reading, node, subscriptions, reconciling);
    } catch (Exception e) {
      closeQuietly(subscribing);
      closeQuietly(publishing);
      closeQuietly(reading);
      if (owned != null) {
        owned.shutdown();
      }
      if (e instanceof InterruptedException) {
        Thread.currentThread().interrupt();
      }
      throw new IllegalStateException("cannot start the Redis channel layer: " + e.getMessage(), e);
    }
  }

  /** Whether the connections to Redis are up. */
  boolean ready() {
    return subscribing.isOpen() && publishing.isOpen() && reading.isOpen();
  }

  RedisNode node() {
    return node;
  }

  Set<String> subscribedGroups() {
    Set<String> groups = new HashSet<>();
    for (String channel : subscriptions.confirmed()) {
      String group = names.groupKey(channel);
      if (group != null) {
        groups.add(group);
      }
    }
    return groups;
  }

  /** Stops reconciling and closes the connections; Redis then forgets this node's subscriptions. */
  void close() {
    reconciling.shutdownNow();
    closeQuietly(subscribing);
    closeQuietly(publishing);
    closeQuietly(reading);
    if (owned != null) {
      owned.shutdown();
    }
  }

  private static void closeQuietly(StatefulConnection<?, ?> connection) {
    if (connection == null) {
      return;
    }
    try {
      connection.closeAsync().get(WAIT_SECONDS, TimeUnit.SECONDS);
    } catch (Exception e) {
      if (e instanceof InterruptedException) {
        Thread.currentThread().interrupt();
      }
      LOG.warn("Closing a Redis connection failed: {}", e.toString());
    }
  }
}
