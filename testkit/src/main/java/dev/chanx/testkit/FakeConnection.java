package dev.chanx.testkit;

import dev.chanx.server.channel.Connection;
import dev.chanx.core.message.Message;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;

/**
 * A connection without a socket, for unit tests of handlers: it records what the handler sends,
 * broadcasts, joins and closes.
 *
 * <pre>{@code
 * FakeConnection<ChatServerMessage, ChatPath> alice = FakeConnection.of(new ChatPath("room1"));
 * room.onConnect(alice);
 * room.handleNewChatMessage(hello, alice);
 * assertEquals(List.of(new Broadcast<>(hello, Set.of("room1"), true)), alice.broadcasts());
 * }</pre>
 *
 * @param <S> what the server may send on the channel
 * @param <P> the channel's typed path parameters
 */
public final class FakeConnection<S extends Message, P> implements Connection<S, P> {

  /**
   * A broadcast the handler made.
   *
   * @param message what was broadcast
   * @param groups the groups it went to (this connection's groups at the time, unless named)
   * @param excludeSelf whether this connection was left out
   */
  public record Broadcast<S>(S message, Set<String> groups, boolean excludeSelf) {}

  private final P path;
  private final List<S> sent = new CopyOnWriteArrayList<>();
  private final List<Broadcast<S>> broadcasts = new CopyOnWriteArrayList<>();
  private final Set<String> groups = Collections.synchronizedSet(new LinkedHashSet<>());
  private final Map<String, Object> attributes = new ConcurrentHashMap<>();
  private final Map<String, List<String>> query = new LinkedHashMap<>();
  private final Map<String, String> headers = new LinkedHashMap<>();
  private String id = "fake.1";
  private String requestPath = "/";
  private Object principal;
  private volatile Integer closeCode;

  private FakeConnection(P path) {
    this.path = path;
  }

  /**
   * {@return a connection to an address with these path parameters}
   *
   * @param <S> the channel's server message type
   * @param <P> the channel's typed path parameters
   * @param path the typed path parameters
   */
  public static <S extends Message, P> FakeConnection<S, P> of(P path) {
    return new FakeConnection<>(path);
  }

  /**
   * Sets the connection id; default {@code fake.1}.
   *
   * @param value the connection id
   * @return this connection
   */
  public FakeConnection<S, P> id(String value) {
    this.id = value;
    return this;
  }

  /**
   * Sets who the client is, as an authenticator would.
   *
   * @param value the principal
   * @return this connection
   */
  public FakeConnection<S, P> principal(Object value) {
    this.principal = value;
    return this;
  }

  /**
   * Sets the request path; default {@code /}.
   *
   * @param value the request path
   * @return this connection
   */
  public FakeConnection<S, P> requestPath(String value) {
    this.requestPath = value;
    return this;
  }

  /**
   * Adds a header of the upgrade request.
   *
   * @param name the header's name
   * @param value the header's value
   * @return this connection
   */
  public FakeConnection<S, P> header(String name, String value) {
    headers.put(name.toLowerCase(Locale.ROOT), value);
    return this;
  }

  /**
   * Adds a query parameter of the upgrade request.
   *
   * @param name the parameter's name
   * @param value the parameter's value
   * @return this connection
   */
  public FakeConnection<S, P> query(String name, String value) {
    query.computeIfAbsent(name, key -> new ArrayList<>()).add(value);
    return this;
  }

  /**
   * {@return what the handler sent to this client (its returned replies are the handler's own
   * return values)}
   */
  public List<S> sent() {
    return List.copyOf(sent);
  }

  /**
   * {@return what the handler broadcast, in order}
   */
  public List<Broadcast<S>> broadcasts() {
    return List.copyOf(broadcasts);
  }

  /**
   * {@return the close code the handler closed with, if it did}
   */
  public Optional<Integer> closeCode() {
    return Optional.ofNullable(closeCode);
  }

  /** Forgets what was sent and broadcast. */
  public void clear() {
    sent.clear();
    broadcasts.clear();
  }

  @Override public String id() { return id; }

  @Override public P path() { return path; }

  @Override public String requestPath() { return requestPath; }

  @Override public Map<String, List<String>> queryParameters() { return Collections.unmodifiableMap(query); }

  @Override
  public Optional<String> queryParameter(String name) {
    List<String> values = query.get(name);
    return values == null || values.isEmpty() ? Optional.empty() : Optional.of(values.get(0));
  }

  @Override
  public Optional<String> header(String name) {
    return Optional.ofNullable(headers.get(name.toLowerCase(Locale.ROOT)));
  }

  @Override
  @SuppressWarnings("unchecked")
  public <T> Optional<T> principal() {
    return Optional.ofNullable((T) principal);
  }

  @Override
  @SuppressWarnings("unchecked")
  public <T> T attribute(String key) {
    return (T) attributes.get(key);
  }

  @Override
  public void attribute(String key, Object value) {
    if (value == null) {
      attributes.remove(key);
    } else {
      attributes.put(key, value);
    }
  }

  @Override public void send(S message) { sent.add(message); }

  @Override public void broadcast(S message) { broadcasts.add(new Broadcast<>(message, groups(), false)); }

  @Override public void broadcastToOthers(S message) { broadcasts.add(new Broadcast<>(message, groups(), true)); }

  @Override
  public void broadcast(S message, Collection<String> named, boolean excludeSelf) {
    broadcasts.add(new Broadcast<>(message, Set.copyOf(named), excludeSelf));
  }

  @Override public void join(String group) { groups.add(group); }

  @Override public void leave(String group) { groups.remove(group); }

  @Override
  public Set<String> groups() {
    synchronized (groups) {
      return Set.copyOf(groups);
    }
  }

  @Override public void close(int code, String reason) { closeCode = code; }
}
