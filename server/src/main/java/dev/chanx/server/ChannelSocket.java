package dev.chanx.server;

import dev.chanx.server.channel.ChannelHandler;
import dev.chanx.core.message.Message;
import java.nio.ByteBuffer;
import org.eclipse.jetty.websocket.api.StatusCode;
import org.eclipse.jetty.websocket.api.exceptions.MessageTooLargeException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.slf4j.MDC;

/**
 * Ties one connection to its channel: the authentication frame (when the channel answers that
 * way), life-cycle hooks, the frame pipeline, group and slot clean-up.
 */
final class ChannelSocket<H extends ChannelHandler<S, P>, C extends Message, S extends Message, P>
    implements SocketEvents {

  private static final Logger LOG = LoggerFactory.getLogger(ChannelSocket.class);

  private final ChanxConnection<S, P> connection;
  private final H handler;
  private final FramePipeline<H, C, S, P> pipeline;
  private final LocalConnections registry;
  private final Guard guard;
  // The outcome to tell the client in an authentication frame, or null to send none.
  private final AuthResult authentication;
  // Whether this socket took a connection slot when it opened; only then was it connected.
  private volatile boolean admitted;

  ChannelSocket(ChanxConnection<S, P> connection, H handler, FramePipeline<H, C, S, P> pipeline,
      LocalConnections registry, Guard guard, AuthResult authentication) {
    this.authentication = authentication;
    this.connection = connection;
    this.handler = handler;
    this.pipeline = pipeline;
    this.registry = registry;
    this.guard = guard;
  }

  @Override
  public void opened(Socket socket) {
    connection.opened(socket, guard.limits);
    boolean camelCase = connection.settings().camelCase();
    if (authentication != null && !authentication.isOk()) {
      // Chanx's way: accepted, told why, closed.
      connection.deliver(AuthFrames.of(authentication, camelCase));
      connection.close(authentication.status() >= 500 ? StatusCode.SERVER_ERROR : StatusCode.POLICY_VIOLATION,
          authentication.statusText());
      return;
    }
    if (!guard.slots.tryAcquire()) {
      // Upgrades racing past the HTTP check while the server filled up.
      LOG.debug("Connection {} refused: every connection slot is taken", connection.id());
      connection.close(StatusCode.TRY_AGAIN_LATER, "Too many connections");
      return;
    }
    admitted = true;
    registry.add(connection);
    connection.telemetry().opened();
    LOG.debug("Connection {} opened at {}", connection.id(), connection.requestPath());
    if (authentication != null) {
      connection.deliver(AuthFrames.of(authentication, camelCase));
    }
    MDC.put(FrameLog.CONNECTION, connection.id());
    // Before onConnect, whose sends to the connection go to its stream.
    connection.joinStream();
    try {
      handler.onConnect(connection);
      pipeline.connected(connection);
    } catch (Exception e) {
      LOG.error("onConnect failed on connection {}", connection.id(), e);
      connection.close(StatusCode.SERVER_ERROR, "Failed to connect");
      return;
    } finally {
      MDC.remove(FrameLog.CONNECTION);
    }
    if (connection.recovery() != null) {
      Recovery.start(connection);
    }
  }

  @Override
  public void text(String text) {
    if (admitted) {
      connection.reading(true);
      try {
        pipeline.onText(connection, text);
      } finally {
        connection.reading(false);
      }
    }
  }

  @Override
  public void binary(ByteBuffer data) {
    if (!admitted) {
      return;
    }
    connection.reading(true);
    try {
      if (pipeline.onBinary(connection, data)) {
        return;
      }
    } finally {
      connection.reading(false);
    }
    if (connection.firstTime(Violation.BINARY)) {
      LOG.info("Connection {} {}; further ones are answered but not logged", connection.id(), Violation.BINARY.text());
    }
    connection.deliver(ErrorFrames.binary());
    pipeline.completed(connection);
  }

  @Override
  public void pong() {
    connection.reading(false);
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
    connection.telemetry().closed(code);
    MDC.put(FrameLog.CONNECTION, connection.id());
    try {
      handler.onDisconnect(connection, code);
    } catch (Exception e) {
      LOG.error("onDisconnect failed on connection {}", connection.id(), e);
    } finally {
      connection.closed();
      LOG.debug("Connection {} closed with {} {}", connection.id(), code, reason);
      MDC.remove(FrameLog.CONNECTION);
    }
  }
}
