package dev.chanx.redis;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.chanx.server.presence.PresenceEvent;
import dev.chanx.server.presence.PresenceSnapshot;
import dev.chanx.server.presence.PresenceStore;
import io.lettuce.core.RedisClient;
import io.lettuce.core.RedisFuture;
import io.lettuce.core.RedisURI;
import io.lettuce.core.ScriptOutputType;
import io.lettuce.core.api.StatefulRedisConnection;
import io.lettuce.core.codec.StringCodec;
import io.lettuce.core.pubsub.RedisPubSubAdapter;
import io.lettuce.core.pubsub.StatefulRedisPubSubConnection;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.UUID;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.Consumer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Presence shared by every node on one Redis:
 *
 * <pre>{@code
 * ChanxServer.create(config -> {
 *   config.layer(RedisChannelLayer.create("redis://127.0.0.1:6379"));
 *   config.presence(RedisPresence.create("redis://127.0.0.1:6379"));
 * }).start();
 * }</pre>
 *
 * <p>Members are counted in Redis by Lua scripts ({@link PresenceScripts}), so a member joins once
 * and leaves once however many connections it has on however many nodes; every join and leave is
 * published once, numbered, and each node sends it on to its own connections. A node reads a
 * group's state from Redis once, when its first connection there subscribes, and keeps a mirror of
 * it with those events (read again when its subscription comes back after a break); reads never
 * go to other nodes. Each node refreshes a
 * heartbeat every second; any node forgets a node silent for the node timeout (default 5 s), and
 * that node's members leave everywhere. A forgotten node that comes back registers again and
 * tracks only the connections it still has.
 */
public final class RedisPresence implements PresenceStore {

  private static final Logger LOG = LoggerFactory.getLogger(RedisPresence.class);
  private static final ObjectMapper JSON = new ObjectMapper();
  private static final long WAIT_SECONDS = 5;

  private final RedisURI uri;
  private final RedisClient givenClient;
  private final String node = UUID.randomUUID().toString().replace("-", "").substring(0, 16);
  // What this node tracks, by "<scope>\n<connection>": tracked again if Redis forgot this node.
  private final ConcurrentHashMap<String, String[]> tracked = new ConcurrentHashMap<>();
  private String prefix = "chanx:p:";
  private Duration heartbeat = Duration.ofSeconds(1);
  private Duration nodeTimeout = Duration.ofSeconds(5);
  private OwnedClient owned;
  private StatefulRedisConnection<String, String> commands;
  // States are read on their own connection, so that a large read never holds up a track behind it.
  private StatefulRedisConnection<String, String> reads;
  private StatefulRedisPubSubConnection<String, String> events;
  private ScheduledExecutorService beats;
  // The first subscription is the start's; any later one follows a reconnect.
  private final AtomicBoolean firstSubscription = new AtomicBoolean(true);

  private RedisPresence(RedisURI uri, RedisClient givenClient) {
    this.uri = uri;
    this.givenClient = givenClient;
  }

  /** A store that connects to this Redis URI when the server starts, such as {@code redis://127.0.0.1:6379}. */
  public static RedisPresence create(String uri) {
    return new RedisPresence(RedisURI.create(Objects.requireNonNull(uri, "uri")), null);
  }

  /** A store on a ready client, whose options apply; the store never shuts it down. */
  public static RedisPresence create(RedisClient client) {
    return new RedisPresence(null, Objects.requireNonNull(client, "client"));
  }

  /** The prefix of every key and channel, so applications can share a Redis; default {@code chanx}. */
  public RedisPresence namespace(String namespace) {
    checkNotStarted();
    this.prefix = RedisNames.checkNamespace(Objects.requireNonNull(namespace, "namespace")) + ":p:";
    return this;
  }

  /**
   * How long a node may stay silent before the others forget it and its members leave; default
   * 5 s, at least three heartbeats (one a second, or a third of a shorter timeout).
   */
  public RedisPresence nodeTimeout(Duration timeout) {
    checkNotStarted();
    if (Objects.requireNonNull(timeout, "timeout").toMillis() < 300) {
      throw new IllegalArgumentException("a node timeout must be at least 300 ms: " + timeout);
    }
    this.nodeTimeout = timeout;
    this.heartbeat = timeout.dividedBy(3).compareTo(Duration.ofSeconds(1)) < 0 ? timeout.dividedBy(3)
        : Duration.ofSeconds(1);
    return this;
  }

  /** {@return this node's id in Redis, for tests and monitoring} */
  public String nodeId() {
    return node;
  }

  @Override
  public void start(Consumer<PresenceEvent> listener) {
    start(listener, () -> {});
  }

  @Override
  public synchronized void start(Consumer<PresenceEvent> listener, Runnable resync) {
    checkNotStarted();
    owned = givenClient == null ? new OwnedClient(uri, 100_000) : null;
    RedisClient client = owned != null ? owned.client() : givenClient;
    try {
      events = client.connectPubSub(StringCodec.UTF8);
      events.addListener(new RedisPubSubAdapter<>() {
        @Override
        public void message(String channel, String message) {
          PresenceEvent event = parse(message);
          if (event != null) {
            listener.accept(event);
          }
        }

        // Lettuce subscribes again after a reconnect; what was published meanwhile is lost, so
        // the server reads its mirrors again, once the subscription is back.
        @Override
        public void subscribed(String channel, long count) {
          if (!firstSubscription.compareAndSet(true, false)) {
            LOG.warn("Presence: subscription to {} is back; reading the state of served groups again", channel);
            resync.run();
          }
        }
      });
      events.async().subscribe(channel()).get(WAIT_SECONDS, TimeUnit.SECONDS);
      commands = client.connect(StringCodec.UTF8);
      reads = client.connect(StringCodec.UTF8);
      run(PresenceScripts.HEARTBEAT, String.valueOf(nodeTimeout.toMillis()), "1").get(WAIT_SECONDS, TimeUnit.SECONDS);
    } catch (Exception e) {
      close();
      if (e instanceof InterruptedException) {
        Thread.currentThread().interrupt();
      }
      throw new IllegalStateException("cannot start Redis presence: " + e.getMessage(), e);
    }
    beats = Executors.newSingleThreadScheduledExecutor(task -> {
      Thread thread = new Thread(task, "chanx-presence-heartbeat-" + node);
      thread.setDaemon(true);
      return thread;
    });
    beats.scheduleWithFixedDelay(this::beat, heartbeat.toMillis(), heartbeat.toMillis(), TimeUnit.MILLISECONDS);
    LOG.info("Redis presence started: node {}, forgotten after {} ms of silence", node, nodeTimeout.toMillis());
  }

  @Override
  public void track(String scope, String connectionId, String key, String data) {
    String[] member = {key, data};
    tracked.put(scope + "\n" + connectionId, member);
    track(scope, connectionId, member);
  }

  // Tracking twice is harmless (HSETNX), so a failed attempt is tried again while the connection is tracked.
  private void track(String scope, String connectionId, String[] member) {
    run(PresenceScripts.TRACK, scope, connectionId, member[0], member[1]).whenComplete((result, failure) -> {
      if (failure != null) {
        LOG.warn("Presence: tracking {} in {} failed ({}); trying again", connectionId, scope, failure.toString());
        again(() -> {
          if (tracked.get(scope + "\n" + connectionId) == member) {
            track(scope, connectionId, member);
          }
        });
      } else if (Long.valueOf(-1).equals(result)) {
        // Redis forgot this node (it was silent too long): register again, with what it still has.
        beats.execute(this::rejoin);
      }
    });
  }

  @Override
  public void untrack(String scope, String connectionId) {
    if (tracked.remove(scope + "\n" + connectionId) != null) {
      untrackInRedis(scope, connectionId);
    }
  }

  // Untracking twice is harmless too; a connection tracked again meanwhile is left alone.
  private void untrackInRedis(String scope, String connectionId) {
    run(PresenceScripts.UNTRACK, scope, connectionId).whenComplete((result, failure) -> {
      if (failure != null) {
        LOG.warn("Presence: untracking {} in {} failed ({}); trying again", connectionId, scope, failure.toString());
        again(() -> {
          if (!tracked.containsKey(scope + "\n" + connectionId)) {
            untrackInRedis(scope, connectionId);
          }
        });
      }
    });
  }

  private void again(Runnable attempt) {
    ScheduledExecutorService now = beats;
    if (now != null && !now.isShutdown()) {
      try {
        now.schedule(attempt, heartbeat.toMillis(), TimeUnit.MILLISECONDS);
      } catch (java.util.concurrent.RejectedExecutionException stopped) {
        // Stopping: the node's entries are forgotten as a whole.
      }
    }
  }

  @Override
  public CompletionStage<PresenceSnapshot> state(String scope) {
    return run(PresenceScripts.STATE, scope).thenApply(result -> {
      List<?> values = (List<?>) result;
      Map<String, String> members = new LinkedHashMap<>();
      if (values.size() > 1) {
        readPairs((String) values.get(1), members);
      }
      return new PresenceSnapshot((Long) values.get(0), members);
    });
  }

  // The state's members: one JSON array of keys and data, alternating.
  private static void readPairs(String json, Map<String, String> members) {
    try (JsonParser in = JSON.getFactory().createParser(json)) {
      if (in.nextToken() != JsonToken.START_ARRAY) {
        throw new IllegalStateException("a presence state is not an array");
      }
      while (in.nextToken() == JsonToken.VALUE_STRING) {
        String key = in.getText();
        if (in.nextToken() != JsonToken.VALUE_STRING) {
          throw new IllegalStateException("a presence state's member " + key + " has no data");
        }
        members.put(key, in.getText());
      }
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** Untracks every connection of this node at once (its members leave), then disconnects. */
  @Override
  public synchronized void stop() {
    if (commands == null) {
      return;
    }
    if (beats != null) {
      beats.shutdownNow();
    }
    try {
      run(PresenceScripts.FORGET).get(WAIT_SECONDS, TimeUnit.SECONDS);
    } catch (Exception e) {
      if (e instanceof InterruptedException) {
        Thread.currentThread().interrupt();
      }
      LOG.warn("Presence: could not untrack this node's connections ({}); other nodes forget them within {} ms",
          e.toString(), nodeTimeout.toMillis());
    }
    tracked.clear();
    close();
  }

  private void beat() {
    try {
      Object alive = run(PresenceScripts.HEARTBEAT, String.valueOf(nodeTimeout.toMillis()), "0")
          .get(WAIT_SECONDS, TimeUnit.SECONDS);
      if (Long.valueOf(0).equals(alive)) {
        rejoin();
      }
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    } catch (Exception e) {
      LOG.warn("Presence heartbeat failed: {}", e.toString());
    }
  }

  // On the heartbeat thread: registers this node again and tracks the connections it still has.
  private void rejoin() {
    try {
      run(PresenceScripts.HEARTBEAT, String.valueOf(nodeTimeout.toMillis()), "1").get(WAIT_SECONDS, TimeUnit.SECONDS);
      LOG.warn("Presence: Redis had forgotten node {}; tracking its {} connections again", node, tracked.size());
      tracked.forEach((entry, member) -> {
        int cut = entry.lastIndexOf('\n');
        run(PresenceScripts.TRACK, entry.substring(0, cut), entry.substring(cut + 1), member[0], member[1]);
      });
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    } catch (Exception e) {
      LOG.warn("Presence: registering node {} again failed: {}", node, e.toString());
    }
  }

  // Every script but STATE answers a number.
  private RedisFuture<Object> run(String script, String... more) {
    String[] args = new String[2 + more.length];
    args[0] = prefix;
    args[1] = node;
    System.arraycopy(more, 0, args, 2, more.length);
    if (script.equals(PresenceScripts.STATE)) {
      return reads.async().eval(script, ScriptOutputType.MULTI, new String[0], args);
    }
    return commands.async().eval(script, ScriptOutputType.INTEGER, new String[0], args);
  }

  private String channel() {
    return prefix.substring(0, prefix.length() - 1);
  }

  private static PresenceEvent parse(String message) {
    try {
      JsonNode event = JSON.readTree(message);
      return new PresenceEvent(event.get(2).asText(), event.get(0).asLong(), "j".equals(event.get(1).asText()),
          event.get(3).asText(), event.get(4).asText());
    } catch (Exception e) {
      LOG.warn("Presence: unreadable event {}: {}", message, e.toString());
      return null;
    }
  }

  private void close() {
    if (events != null) {
      events.close();
    }
    if (commands != null) {
      commands.close();
    }
    if (reads != null) {
      reads.close();
    }
    if (owned != null) {
      owned.shutdown();
    }
    commands = null;
    reads = null;
    events = null;
  }

  private void checkNotStarted() {
    if (commands != null) {
      throw new IllegalStateException("presence is already started");
    }
  }
}
