package dev.chanx.runtime.server;

import dev.chanx.runtime.layer.TextFrame;
import org.eclipse.jetty.util.Callback;
import org.eclipse.jetty.websocket.api.Session;
import org.eclipse.jetty.websocket.common.WebSocketSession;
import org.eclipse.jetty.websocket.core.CoreSession;
import org.eclipse.jetty.websocket.core.Frame;
import org.eclipse.jetty.websocket.core.OpCode;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The outgoing side of one socket: queues already-encoded frames without blocking the caller.
 *
 * <p>Jetty's frame flusher holds the queue. This is the one place every outgoing frame passes,
 * so a bound on queued frames per connection (slow consumers) belongs here.
 */
final class Outbox {

  private static final Logger LOG = LoggerFactory.getLogger(Outbox.class);

  private final String connectionId;
  private final CoreSession core;
  private final Session session;
  private final Callback onSent;

  Outbox(String connectionId, Session session) {
    this.connectionId = connectionId;
    this.session = session;
    this.core = session instanceof WebSocketSession ws ? ws.getCoreSession() : null;
    this.onSent = Callback.from(() -> {}, this::failed);
  }

  /** Queues a frame; a failure (typically a closed socket) is logged, never thrown. */
  void send(TextFrame frame) {
    if (core != null) {
      core.sendFrame(new Frame(OpCode.TEXT, frame.buffer()), onSent, false);
    } else {
      session.sendText(frame.text(), org.eclipse.jetty.websocket.api.Callback.from(() -> {}, this::failed));
    }
  }

  private void failed(Throwable cause) {
    LOG.debug("Frame to connection {} not sent: {}", connectionId, cause.toString());
  }
}
