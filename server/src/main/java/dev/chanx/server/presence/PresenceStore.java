package dev.chanx.server.presence;

import java.util.concurrent.CompletionStage;
import java.util.function.Consumer;

/**
 * Where a server keeps who is present in which group: in this JVM ({@link InMemoryPresence}), or
 * shared by several nodes (the Redis module's {@code RedisPresence}).
 *
 * <p>Scopes are the layer's group keys, {@code <channel>/<group>}. A store counts a member's
 * connections: a member joins with its first connection and leaves with its last, and every
 * join and leave is an event numbered in order ({@link PresenceEvent#seq}), seen by every node in
 * that order. Every method may be called from any thread and must not block on the network.
 */
public interface PresenceStore {

  /**
   * Called once when the server starts.
   *
   * @param events receives the joins and leaves of every scope, each scope's in order
   */
  void start(Consumer<PresenceEvent> events);

  /**
   * Called once when the server starts, instead of {@link #start(Consumer)}, by a server that keeps
   * a mirror of each scope it serves (read once with {@link #state}, then kept by the events).
   *
   * @param events receives the joins and leaves of every scope, each scope's in order
   * @param resync called when events may have been lost (a store's subscription came back after a
   *     break), after which every mirror is read again
   */
  default void start(Consumer<PresenceEvent> events, Runnable resync) {
    start(events);
  }

  /**
   * Tracks a connection of this node in a scope under a member's key; tracking it again is a no-op.
   *
   * @param scope the scope, such as {@code chat/room1}
   * @param connectionId the connection
   * @param key the member's key, such as a user name
   * @param data the member's data, as JSON text; the data of the member's first connection is kept
   */
  void track(String scope, String connectionId, String key, String data);

  /**
   * Stops tracking a connection in a scope; a connection not tracked there is ignored.
   *
   * @param scope the scope
   * @param connectionId the connection
   */
  void untrack(String scope, String connectionId);

  /**
   * {@return who is present in a scope, with the number of the last event it includes}
   *
   * @param scope the scope
   */
  CompletionStage<PresenceSnapshot> state(String scope);

  /** Called once when the server stops: this node's connections are untracked, its resources released. */
  default void stop() {}
}
