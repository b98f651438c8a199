package dev.chanx.server;

import java.nio.ByteBuffer;

/**
 * What happens to one socket, as its transport reports it: the inbound half of the transport seam
 * ({@link Socket}). A transport calls these for one socket one at a time, in the order things
 * happened, {@link #opened} first and {@link #closed} last.
 */
public interface SocketEvents {

  /**
   * The WebSocket is open; the server sends through {@code socket} from now on.
   *
   * @param socket the socket's outgoing side
   */
  void opened(Socket socket);

  /**
   * A whole text message came.
   *
   * @param text the message
   */
  void text(String text);

  /**
   * A whole binary message, the client's to keep.
   *
   * @param data the message, a read-only buffer
   */
  void binary(ByteBuffer data);

  /** A pong came, most likely the answer to the keepalive's ping. */
  void pong();

  /**
   * The transport reports a failure; it closes the socket itself (1009 for a message over the limit).
   *
   * @param cause what failed
   */
  void failed(Throwable cause);

  /**
   * The socket is closed, after a close handshake or without one.
   *
   * @param code the close code, such as 1000, or 1006 when the connection dropped
   * @param reason the close reason, possibly empty
   */
  void closed(int code, String reason);
}
