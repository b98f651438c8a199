package dev.chanx.server.presence;

import dev.chanx.core.codec.TextFrame;

/** What presence needs of a connection of a running server; the server's connections are these. */
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

  /** {@return the presence of the server this connection is on} */
  PresenceHub presenceHub();

  /**
   * Queues a presence frame for this connection.
   *
   * @param frame the frame
   */
  void presenceFrame(TextFrame frame);
}
