package dev.chanx.runtime.server;

import dev.chanx.runtime.channel.ChannelHandler;
import dev.chanx.runtime.message.Message;
import org.eclipse.jetty.websocket.api.Session;
import org.eclipse.jetty.websocket.api.StatusCode;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** Ties one connection to its channel: life-cycle hooks, the frame pipeline, group clean-up. */
final class ChannelSocket<H extends ChannelHandler<S, P>, C extends Message, S extends Message, P>
    implements SocketEvents {

  private static final Logger LOG = LoggerFactory.getLogger(ChannelSocket.class);

  private final ChanxConnection<S, P> connection;
  private final H handler;
  private final FramePipeline<H, C, S, P> pipeline;
  private final LocalConnections registry;

  ChannelSocket(ChanxConnection<S, P> connection, H handler, FramePipeline<H, C, S, P> pipeline,
      LocalConnections registry) {
    this.connection = connection;
    this.handler = handler;
    this.pipeline = pipeline;
    this.registry = registry;
  }

  @Override
  public void opened(Session session) {
    connection.opened(session);
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
    connection.deliver(ErrorFrames.binary());
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
      LOG.debug("Connection {} closed with {} {}", connection.id(), code, reason);
    }
  }
}
