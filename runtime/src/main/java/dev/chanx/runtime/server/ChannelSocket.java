package dev.chanx.runtime.server;

import dev.chanx.runtime.channel.ChannelHandler;
import dev.chanx.runtime.message.Message;
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
  // Whether this socket took a connection slot when it opened; only then was it connected.
  private volatile boolean admitted;

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
    if (!guard.slots.tryAcquire()) {
      // Upgrades racing past the HTTP check while the server filled up.
      LOG.debug("Connection {} refused: every connection slot is taken", connection.id());
      connection.close(StatusCode.TRY_AGAIN_LATER, "Too many connections");
      return;
    }
    admitted = true;
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
    if (admitted) {
      pipeline.onText(connection, text);
    }
  }

  @Override
  public void binary() {
    if (!admitted) {
      return;
    }
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
    if (!admitted) {
      connection.closed();
      return;
    }
    registry.remove(connection);
    guard.slots.release();
    try {
      handler.onDisconnect(connection, code);
    } catch (Exception e) {
      LOG.error("onDisconnect failed on connection {}", connection.id(), e);
    } finally {
      connection.closed();
      LOG.debug("Connection {} closed with {} {}", connection.id(), code, reason);
    }
  }
}
