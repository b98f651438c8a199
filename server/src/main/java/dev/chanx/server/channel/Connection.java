package dev.chanx.server.channel;

import dev.chanx.core.message.Message;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.CompletableFuture;

/**
 * One client's socket on one channel, as its handler sees it.
 *
 * <p>Sends are asynchronous and never block the caller on the network. Groups are left
 * automatically when the socket closes.
 *
 * @param <S> what the server may send on this channel
 * @param <P> the channel's typed path parameters
 */
public interface Connection<S extends Message, P> {

  /**
   * {@return a short id, unique on this server, used in logs and by the channel layer}
   */
  String id();

  /**
   * {@return the typed path parameters of the address this client connected to}
   */
  P path();

  /**
   * {@return the request path this client connected to, such as {@code /ws/chat/room1/}}
   */
  String requestPath();

  /**
   * All query parameters of the upgrade request.
   *
   * @return all query parameters with all their values
   */
  Map<String, List<String>> queryParameters();

  /**
   * The first value of a query parameter.
   *
   * @param name the name to look up
   * @return the parameter's first value, if any
   */
  Optional<String> queryParameter(String name);

  /**
   * The first value of a header of the upgrade request, matched case-insensitively.
   *
   * @param name the name to look up
   * @return the header's first value, if any
   */
  Optional<String> header(String name);

  /**
   * Who the client is, as the authenticator of the server or channel said; empty when there is
   * none or it named nobody. Typed by the caller: {@code Optional<User> user = connection.principal();}
   *
   * @param <T> the type the caller expects
   * @return who the client is, as the authenticator of the server or channel said; empty when there is none or it named nobody
   */
  <T> Optional<T> principal();

  /**
   * {@return a value stored on this connection by the application, or null}
   *
   * @param <T> the type the caller expects
   * @param key the attribute's name
   */
  <T> T attribute(String key);

  /**
   * Stores a value on this connection for later frames; null removes it.
   *
   * @param key the attribute's name
   * @param value the value to store, or null to remove it
   */
  void attribute(String key, Object value);

  /**
   * Sends a message to this client.
   *
   * @param message the message to send
   */
  void send(S message);

  /**
   * Sends a message to every member of this connection's groups, this connection included.
   *
   * @param message the message to send
   */
  void broadcast(S message);

  /**
   * Sends a message to every member of this connection's groups except this connection.
   *
   * @param message the message to send
   */
  void broadcastToOthers(S message);

  /**
   * Sends a message to every member of the named groups, optionally leaving this connection out.
   *
   * @param message the message to send
   * @param groups the names of the groups
   * @param excludeSelf true to leave this connection out
   */
  void broadcast(S message, Collection<String> groups, boolean excludeSelf);

  /**
   * Adds this connection to a group. Returns at once; with a layer across nodes, what this
   * connection is sent from then on (the reply to the frame being handled, say) is held until the
   * membership is in effect on every node (one round trip to Redis for a group's first member on
   * a node, two seconds at most), so a client that hears anything after its join gets what any
   * node sends to the group from then on.
   *
   * @param group the group's name, such as {@code chat/room1}
   */
  void join(String group);

  /**
   * Removes this connection from a group.
   *
   * @param group the group's name, such as {@code chat/room1}
   */
  void leave(String group);

  /**
   * {@return the groups this connection belongs to}
   */
  Set<String> groups();

  /**
   * {@return the name of this connection's stream, when its channel's direct frames are
   * recoverable ({@code x-chanx: {recovery: {direct: true}}}): the messages {@link #send} sends
   * go there, and a publisher's broadcast to this name reaches the client recoverably too, across
   * its reconnections; empty on other channels}
   */
  default Optional<String> stream() {
    return Optional.empty();
  }

  /**
   * Sends a request to this client and completes with its reply: the next message it sends that
   * {@code match} recognises (the same {@code ref}, or the same correlation id), which then goes
   * to no handler. Generated {@code <Channel>Requests} call this, typed to the document's {@code
   * send} operations that have a {@code reply}.
   *
   * <p>Fails with a {@link java.util.concurrent.TimeoutException} naming the request when no reply
   * comes within {@code timeout}, and with an {@link java.io.IOException} when the connection closes
   * first. A reply that comes after that goes to the dispatcher like any message, which drops it.
   *
   * @param request the message to send
   * @param match how the reply is recognised, and its type
   * @param timeout how long to wait for the reply
   * @param <R> the type of the reply
   * @return completes with the reply, or fails as described above
   */
  default <R> CompletableFuture<R> request(S request, ReplyMatch<R> match, java.time.Duration timeout) {
    return CompletableFuture.failedFuture(new UnsupportedOperationException(
        getClass().getSimpleName() + " cannot send requests"));
  }

  /**
   * Closes the socket with a close code and a reason.
   *
   * @param code the WebSocket close code, such as 1000
   * @param reason the close reason
   */
  void close(int code, String reason);
}
