package dev.chanx.server;

import java.nio.ByteBuffer;
import org.eclipse.jetty.websocket.api.Callback;
import org.eclipse.jetty.websocket.api.Session;

/**
 * The Jetty WebSocket listener of one socket, when compression is on; internal, public only because
 * Jetty requires it.
 *
 * <p>Jetty asks for the next frame only after a callback returns, so the frames of one socket
 * are handled one at a time, in arrival order, while other sockets run on other threads.
 */
public final class ChannelEndpoint implements Session.Listener.AutoDemanding {

  private final SocketEvents events;

  ChannelEndpoint(SocketEvents events) {
    this.events = events;
  }

  @Override
  public void onWebSocketOpen(Session session) {
    events.opened(new JettySocket(session));
  }

  @Override
  public void onWebSocketText(String text) {
    events.text(text);
  }

  @Override
  public void onWebSocketBinary(ByteBuffer payload, Callback callback) {
    // Jetty reuses the payload's buffer once the callback succeeds; a handler may keep the bytes.
    ByteBuffer copy = ByteBuffer.allocate(payload.remaining()).put(payload).flip();
    callback.succeed();
    events.binary(copy.asReadOnlyBuffer());
  }

  @Override
  public void onWebSocketPong(ByteBuffer payload) {
    events.pong();
  }

  @Override
  public void onWebSocketClose(int code, String reason, Callback callback) {
    try {
      events.closed(code, reason);
    } finally {
      callback.succeed();
    }
  }

  @Override
  public void onWebSocketError(Throwable cause) {
    events.failed(cause);
  }
}
