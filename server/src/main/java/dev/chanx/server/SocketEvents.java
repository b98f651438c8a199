package dev.chanx.server;

import java.nio.ByteBuffer;

/** What happens to one socket, as its transport reports it: the inbound half of the transport seam ({@link Socket}). */
interface SocketEvents {

  void opened(Socket socket);

  void text(String text);

  /** A whole binary message, the client's to keep: a read-only copy. */
  void binary(ByteBuffer data);

  /** A pong came, most likely the answer to the keepalive's ping. */
  void pong();

  /** The transport reports a failure; it closes the socket itself (1009 for a message over the limit). */
  void failed(Throwable cause);

  void closed(int code, String reason);
}
