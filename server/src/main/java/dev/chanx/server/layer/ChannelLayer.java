package dev.chanx.server.layer;

import dev.chanx.core.codec.TextFrame;
import java.util.Collection;

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
   * Adds a connection to a group.
   *
   * @param group the group's name, such as {@code chat/room1}
   * @param connectionId the id of the connection
   */
  void groupAdd(String group, String connectionId);

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

  /** Called once when the server stops; releases what {@link #start} acquired. */
  default void stop() {}
}
