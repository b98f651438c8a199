package dev.chanx.spring;

import dev.chanx.server.SocketEvents;
import jakarta.websocket.CloseReason;
import jakarta.websocket.Endpoint;
import jakarta.websocket.EndpointConfig;
import jakarta.websocket.MessageHandler;
import jakarta.websocket.PongMessage;
import jakarta.websocket.Session;
import java.nio.ByteBuffer;
import java.time.Duration;

/**
 * The Jakarta WebSocket endpoint of one socket: reports what the container sees to the server's
 * {@link SocketEvents}, one event at a time, as the container calls it per session.
 *
 * <p>Public only because Jetty's Jakarta WebSocket refuses an endpoint class that is not;
 * applications have no use for it.
 */
public final class ServletEndpoint extends Endpoint {

  private final SocketEvents events;
  private final int maxTextSize;
  private final int maxBinarySize;
  private final Duration idleTimeout;

  ServletEndpoint(SocketEvents events, int maxTextSize, int maxBinarySize, Duration idleTimeout) {
    this.events = events;
    this.maxTextSize = maxTextSize;
    this.maxBinarySize = maxBinarySize;
    this.idleTimeout = idleTimeout;
  }

  /** {@inheritDoc} */
  @Override
  public void onOpen(Session session, EndpointConfig config) {
    // Past these the container closes with 1009, as our own transports do.
    session.setMaxTextMessageBufferSize(maxTextSize);
    session.setMaxBinaryMessageBufferSize(maxBinarySize);
    session.setMaxIdleTimeout(idleTimeout.toMillis());
    events.opened(new ServletSocket(session));
    session.addMessageHandler(String.class, (MessageHandler.Whole<String>) events::text);
    // The container reuses its buffer once the handler returns; a handler may keep the bytes.
    session.addMessageHandler(ByteBuffer.class, (MessageHandler.Whole<ByteBuffer>) payload -> events.binary(
        ByteBuffer.allocate(payload.remaining()).put(payload).flip().asReadOnlyBuffer()));
    session.addMessageHandler(PongMessage.class, (MessageHandler.Whole<PongMessage>) pong -> events.pong());
  }

  @Override
  public void onClose(Session session, CloseReason reason) {
    events.closed(reason.getCloseCode().getCode(), reason.getReasonPhrase());
  }

  @Override
  public void onError(Session session, Throwable cause) {
    events.failed(cause);
  }
}
