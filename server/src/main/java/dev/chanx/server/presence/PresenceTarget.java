package dev.chanx.server.presence;

import dev.chanx.core.codec.TextFrame;

/** What a {@link PresenceHub} needs of a connection: its id, its scopes, whether it is open, and a way to send. */
public interface PresenceTarget {

  /** {@return the connection's id} */
  String id();

  /**
   * {@return the scope of one of this connection's channel's groups: the layer's key, such as {@code chat/room1}}
   *
   * @param group the group's name, such as {@code room1}
   */
  String presenceScope(String group);

  /** {@return whether the connection is still open: presence taken after it closed is undone} */
  boolean presenceOpen();

  /**
   * Queues a presence frame for this connection.
   *
   * @param frame the frame
   */
  void presenceFrame(TextFrame frame);
}
