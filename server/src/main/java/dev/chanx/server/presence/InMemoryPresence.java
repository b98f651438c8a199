package dev.chanx.server.presence;

import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.function.Consumer;

/** The default presence store: members live in this JVM, so it serves a single node. */
public final class InMemoryPresence implements PresenceStore {

  private final Map<String, Scope> scopes = new HashMap<>();
  // One count for every scope, so that a scope emptied and made again never numbers an event twice.
  private long seq;
  private volatile Consumer<PresenceEvent> events = event -> {};

  @Override
  public void start(Consumer<PresenceEvent> listener) {
    this.events = listener;
  }

  // One lock for every scope: events go out under it, so each scope's arrive in their order.
  @Override
  public synchronized void track(String scope, String connectionId, String key, String data) {
    Scope in = scopes.computeIfAbsent(scope, s -> new Scope());
    if (in.connections.putIfAbsent(connectionId, key) != null) {
      return;
    }
    Member member = in.members.computeIfAbsent(key, k -> new Member(data));
    if (member.connections++ == 0) {
      events.accept(new PresenceEvent(scope, ++seq, true, key, member.data));
    }
  }

  @Override
  public synchronized void untrack(String scope, String connectionId) {
    Scope in = scopes.get(scope);
    String key = in == null ? null : in.connections.remove(connectionId);
    if (key == null) {
      return;
    }
    Member member = in.members.get(key);
    if (--member.connections == 0) {
      in.members.remove(key);
      if (in.connections.isEmpty()) {
        scopes.remove(scope);
      }
      events.accept(new PresenceEvent(scope, ++seq, false, key, member.data));
    }
  }

  @Override
  public synchronized CompletionStage<PresenceSnapshot> state(String scope) {
    Scope in = scopes.get(scope);
    if (in == null) {
      return CompletableFuture.completedFuture(new PresenceSnapshot(seq, Map.of()));
    }
    Map<String, String> members = new LinkedHashMap<>();
    in.members.forEach((key, member) -> members.put(key, member.data));
    return CompletableFuture.completedFuture(new PresenceSnapshot(seq, members));
  }

  /** A scope's connections (id to member key) and members; dropped when its last connection goes. */
  private static final class Scope {
    final Map<String, String> connections = new HashMap<>();
    final Map<String, Member> members = new LinkedHashMap<>();
  }

  private static final class Member {
    final String data;
    int connections;

    Member(String data) {
      this.data = data;
    }
  }
}
