package dev.chanx.redis;

import dev.chanx.server.layer.ChannelLayer;
import dev.chanx.server.layer.LocalDelivery;
import dev.chanx.core.codec.TextFrame;
import io.lettuce.core.RedisClient;
import io.lettuce.core.RedisURI;
import dev.chanx.server.layer.HistoryGroup;
import dev.chanx.server.layer.HistoryRead;
import dev.chanx.server.layer.Position;
import java.util.Collection;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.Objects;
import java.util.Set;

/**
 * A channel layer on Redis pub/sub, so that groups span every server node that shares one Redis:
 *
 * <pre>{@code
 * ChanxServer.create(config -> {
 *   config.layer(RedisChannelLayer.create("redis://127.0.0.1:6379"));
 *   config.channel(ChatRoute.create(), new ChatRoom());
 * }).start();
 * }</pre>
 *
 * <p>Each node subscribes to one Redis channel per group that has a member on it, and to one
 * channel for sends to its own connections. A join that brings a group's first member to a node
 * completes once Redis has answered the node's SUBSCRIBE (one round trip); the server holds what
 * the member is sent until then, so that a client told it has joined gets what any node sends
 * from then on. Nothing on a server thread waits for Redis: while Redis is unreachable, joins
 * complete at once, frames for other nodes are dropped and logged, and members on the same node
 * still get them. The subscriptions come back by themselves once Redis does.
 *
 * <p>A recoverable group (see {@code ChannelConfig.recovery}) keeps its recent frames in a Redis
 * stream, trimmed to its size and window; one Lua script gives a frame its offset, appends it and
 * publishes it, so a client recovers on any node. A node that misses frames of such a group finds
 * the gap from their offsets (or from the group's head, checked every second) and reads them from
 * the stream. While Redis is unreachable, recoverable sends wait, in order and up to
 * {@code maxPendingPublishes}, and go out when it is back; beyond that a group's history is reset,
 * which tells its clients that frames may be missing.
 */
public final class RedisChannelLayer implements ChannelLayer {

  private final RedisURI uri;
  private final RedisClient givenClient;
  private String namespace = "chanx";
  private int maxPendingPublishes = 10_000;
  private final DropLog drops = new DropLog();
  private volatile RedisConnections connections;

  private RedisChannelLayer(RedisURI uri, RedisClient givenClient) {
    this.uri = uri;
    this.givenClient = givenClient;
  }

  /** A layer that connects to this Redis URI when the server starts, such as {@code redis://127.0.0.1:6379}. */
  public static RedisChannelLayer create(String uri) {
    return new RedisChannelLayer(RedisURI.create(Objects.requireNonNull(uri, "uri")), null);
  }

  /** A layer on a ready client (created with a URI), whose options apply; the layer never shuts it down. */
  public static RedisChannelLayer create(RedisClient client) {
    return new RedisChannelLayer(null, Objects.requireNonNull(client, "client"));
  }

  /** The prefix of every Redis channel name, so applications can share a Redis; default {@code chanx}. */
  public RedisChannelLayer namespace(String namespace) {
    checkNotStarted();
    this.namespace = RedisNames.checkNamespace(Objects.requireNonNull(namespace, "namespace"));
    return this;
  }

  /** How many publishes may wait for Redis's answer before further frames for other nodes are dropped; default 10000. */
  public RedisChannelLayer maxPendingPublishes(int max) {
    checkNotStarted();
    if (max < 1) {
      throw new IllegalArgumentException("maxPendingPublishes must be positive: " + max);
    }
    this.maxPendingPublishes = max;
    return this;
  }

  @Override
  public synchronized void start(LocalDelivery localDelivery) {
    checkNotStarted();
    String nodeId = localDelivery.nodeId();
    if (nodeId.isEmpty() || nodeId.indexOf('.') >= 0) {
      throw new IllegalArgumentException("the local delivery must name its node (no dot): '" + nodeId + "'");
    }
    OwnedClient owned = givenClient == null ? new OwnedClient(uri, maxPendingPublishes + 1_000) : null;
    RedisClient client = owned != null ? owned.client() : givenClient;
    connections = RedisConnections.open(client, owned, new RedisNames(namespace), nodeId, localDelivery,
        maxPendingPublishes, drops);
  }

  @Override
  public CompletableFuture<Void> groupAdd(String group, String connectionId) {
    RedisConnections running = connections;
    return running != null ? running.node().groupAdd(group, connectionId) : CompletableFuture.completedFuture(null);
  }

  @Override
  public void groupDiscard(String group, String connectionId) {
    RedisConnections running = connections;
    if (running != null) {
      running.node().groupDiscard(group, connectionId);
    }
  }

  @Override
  public void groupSend(Collection<String> groups, TextFrame frame, String excludeConnectionId) {
    RedisConnections running = connections;
    if (running != null) {
      running.node().groupSend(groups, frame, excludeConnectionId);
    }
  }

  @Override
  public void historySend(List<HistoryGroup> groups, TextFrame frame, String excludeConnectionId, TextFrame after) {
    RedisConnections running = connections;
    if (running != null) {
      running.node().historySend(groups, frame, excludeConnectionId, after);
    }
  }

  @Override
  public CompletableFuture<HistoryRead> history(HistoryGroup group, Position after) {
    RedisConnections running = connections;
    return running == null ? CompletableFuture.failedFuture(new IllegalStateException("the layer is not started"))
        : running.node().history(group, after);
  }

  @Override
  public void send(String connectionId, TextFrame frame) {
    RedisConnections running = connections;
    if (running != null) {
      running.node().send(connectionId, frame);
    }
  }

  /** Ready while its connections to Redis are up: until then frames for other nodes are dropped. */
  @Override
  public boolean ready() {
    RedisConnections running = connections;
    return running != null && running.ready();
  }

  /** The groups with a member on this node whose Redis subscription is confirmed, for tests and monitoring. */
  public Set<String> subscribedGroups() {
    RedisConnections running = connections;
    return running == null ? Set.of() : running.subscribedGroups();
  }

  /** How many frames for other nodes were dropped because Redis was unreachable or too slow. */
  public long droppedFrames() {
    return drops.total();
  }

  /** Closes the connections to Redis, which ends this node's subscriptions; waits a few seconds at most. */
  @Override
  public synchronized void stop() {
    RedisConnections running = connections;
    if (running != null) {
      connections = null;
      running.close();
    }
  }

  private void checkNotStarted() {
    if (connections != null) {
      throw new IllegalStateException("the layer is already started");
    }
  }
}
