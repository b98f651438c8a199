package dev.chanx.runtime.server;

import dev.chanx.runtime.channel.ChannelHandler;
import dev.chanx.runtime.message.Message;
import java.util.concurrent.atomic.AtomicBoolean;
import org.eclipse.jetty.websocket.api.Session;
import org.eclipse.jetty.websocket.api.StatusCode;
import org.eclipse.jetty.websocket.api.exceptions.MessageTooLargeException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** Ties one connection to its channel: life-cycle hooks, the frame pipeline, group and slot clean-up. */
final class ChannelSocket<H extends ChannelHandler<S, P>, C extends Message, S extends Message, P>
    implements SocketEvents {

  private static final Logger LOG = LoggerFactory.getLogger(ChannelSocket.class);

  private final ChanxConnection<S, P> connection;
  private final H handler;
  private final FramePipeline<H, C, S, P> pipeline;
  private final LocalConnections registry;
  private final Guard guard;
  private final AtomicBoolean slotHeld = new AtomicBoolean(true);

  ChannelSocket(ChanxConnection<S, P> connection, H handler, FramePipeline<H, C, S, P> pipeline,
      LocalConnections registry, Guard guard) {
    this.connection = connection;
    this.handler = handler;
    this.pipeline = pipeline;
    this.registry = registry;
    this.guard = guard;
  }

  @Override
  public void opened(Session session) {
    connection.opened(session, guard.limits);
    registry.add(connection);
    LOG.debug("Connection {} opened at {}", connection.id(), connection.requestPath());
    try {
      handler.onConnect(connection);
    } catch (Exception e) {
      LOG.error("onConnect failed on connection {}", connection.id(), e);
      connection.close(StatusCode.SERVER_ERROR, "Failed to connect");
    }
  }

  @Override
  public void text(String text) {
    pipeline.onText(connection, text);
  }

  @Override
  public void binary() {
    if (connection.firstTime(Violation.BINARY)) {
      LOG.info("Connection {} {}; further ones are answered but not logged", connection.id(), Violation.BINARY.text());
    }
    connection.deliver(ErrorFrames.binary());
  }

  @Override
  public void failed(Throwable cause) {
    if (cause instanceof MessageTooLargeException || cause instanceof org.eclipse.jetty.websocket.core.exception.MessageTooLargeException) {
      if (connection.firstTime(Violation.TOO_LARGE)) {
        LOG.info("Connection {} {}", connection.id(), Violation.TOO_LARGE.text());
      }
    } else {
      LOG.debug("Connection {} failed: {}", connection.id(), cause.toString());
    }
  }

  @Override
  public void closed(int code, String reason) {
    registry.remove(connection);
    try {
      handler.onDisconnect(connection, code);
    } catch (Exception e) {
      LOG.error("onDisconnect failed on connection {}", connection.id(), e);
    } finally {
      connection.closed();
      if (slotHeld.compareAndSet(true, false)) {
        guard.slots.release();
      }
      LOG.debug("Connection {} closed with {} {}", connection.id(), code, reason);
    }
  }
}
