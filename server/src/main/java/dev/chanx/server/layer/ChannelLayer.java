package dev.chanx.server.layer;

import dev.chanx.core.codec.TextFrame;
import java.util.Collection;
import java.util.List;
import java.util.concurrent.CompletableFuture;

/**
 * Group membership and delivery of already-serialised frames between connections, possibly
 * across server nodes (as Django Channels' channel layers).
 *
 * <p>Group names are opaque keys; the server scopes them per channel as {@code <channel>/<group>}.
 * Every method may be called from any thread and must not block on the network.
 */
public interface ChannelLayer {

  /**
   * Called once when the server starts, with the way to reach this node's sockets.
   *
   * @param localDelivery delivers frames to sockets connected to this node
   */
  void start(LocalDelivery localDelivery);

  /**
   * Adds a connection to a group. The returned future says when frames sent to the group from
   * any node reach the connection: a layer across nodes completes it once its subscription to the
   * group is in place (at once when it already was). It never fails. Until it completes, two
   * seconds at most, the server holds what the member is sent, as a Django Channels consumer
   * awaits {@code group_add} before it goes on; no thread waits for it.
   *
   * @param group the group's name, such as {@code chat/room1}
   * @param connectionId the id of the connection
   * @return a future completed once the membership is in effect on every node
   */
  CompletableFuture<Void> groupAdd(String group, String connectionId);

  /**
   * Removes a connection from a group; a group without members ceases to exist.
   *
   * @param group the group's name, such as {@code chat/room1}
   * @param connectionId the id of the connection
   */
  void groupDiscard(String group, String connectionId);

  /**
   * Sends a frame to every member of the groups, each member once.
   *
   * @param groups the names of the groups to send to
   * @param frame the text frame to send
   * @param excludeConnectionId a connection to leave out, or null for none
   */
  void groupSend(Collection<String> groups, TextFrame frame, String excludeConnectionId);

  /**
   * Sends a frame to one connection, wherever it is connected.
   *
   * @param connectionId the id of the connection
   * @param frame the text frame to send
   */
  void send(String connectionId, TextFrame frame);

  /**
   * {@return whether the layer can carry frames between nodes now; while false the server is not
   * ready (its {@code /health/ready} answers 503)}
   */
  default boolean ready() {
    return true;
  }

  /**
   * Appends a frame to the history of each group, writes its position in each into it (see
   * {@link FramePositions}), and sends it to every member of the groups, each member once; then
   * {@code after}, when not null, to the same members, unrecorded. Members get a group's frames
   * in the order of their offsets.
   *
   * @param groups the groups, with their names on the wire and how much history they keep
   * @param frame the text frame to send, a JSON object without {@code pos}
   * @param excludeConnectionId a connection to leave out, or null for none
   * @param after a frame to send right after to the same members (a completion frame), or null
   * @throws UnsupportedOperationException when this layer keeps no history
   */
  default void historySend(List<HistoryGroup> groups, TextFrame frame, String excludeConnectionId, TextFrame after) {
    throw new UnsupportedOperationException(getClass().getSimpleName() + " keeps no history for recovery");
  }

  /**
   * Reads a group's history after a position, for a client that recovers; starts the group's
   * history (a fresh epoch, offset 0) if it has none.
   *
   * @param group the group
   * @param after the client's last position, or null to read only the current epoch and head
   * @return the history's epoch, head and the frames after {@code after} (see {@link HistoryRead});
   *     fails when the history cannot be read now (its store is unreachable)
   */
  default CompletableFuture<HistoryRead> history(HistoryGroup group, Position after) {
    return CompletableFuture.failedFuture(
        new UnsupportedOperationException(getClass().getSimpleName() + " keeps no history for recovery"));
  }

  /** Called once when the server stops; releases what {@link #start} acquired. */
  default void stop() {}
}
