package dev.chanx.server;

import java.nio.ByteBuffer;
import org.eclipse.jetty.websocket.api.Session;

/** What happens to one socket, as the Jetty endpoint reports it. */
interface SocketEvents {

  void opened(Session session);

  void text(String text);

  /** A whole binary message, the client's to keep: a read-only copy. */
  void binary(ByteBuffer data);

  /** A pong came, most likely the answer to the keepalive's ping. */
  void pong();

  /** Jetty reports a failure; it closes the socket itself (1009 for a message over the limit). */
  void failed(Throwable cause);

  void closed(int code, String reason);
}
