package dev.chanx.runtime.server;

import java.nio.charset.StandardCharsets;
import org.eclipse.jetty.http.HttpHeader;
import org.eclipse.jetty.http.HttpStatus;
import org.eclipse.jetty.server.Handler;
import org.eclipse.jetty.server.Request;
import org.eclipse.jetty.server.Response;
import org.eclipse.jetty.util.Callback;
import org.eclipse.jetty.websocket.server.ServerWebSocketContainer;
import org.eclipse.jetty.websocket.server.WebSocketCreator;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Upgrades requests for channel addresses; a path parameter that does not fit gets 404 and a
 * plain HTTP request 426, both without upgrading. Other paths pass to the next handler.
 */
final class ChannelHttpHandler extends Handler.Abstract {

  private static final Logger LOG = LoggerFactory.getLogger(ChannelHttpHandler.class);
  private static final String NOT_WEBSOCKET =
      "This is a WebSocket endpoint: connect with a WebSocket client.\n";

  private final ChannelRegistry channels;
  private final Node node;
  private final boolean compression;
  private final ServerWebSocketContainer container;

  ChannelHttpHandler(ChannelRegistry channels, Node node, boolean compression,
      ServerWebSocketContainer container) {
    this.channels = channels;
    this.node = node;
    this.compression = compression;
    this.container = container;
  }

  @Override
  public boolean handle(Request request, Response response, Callback callback) {
    ChannelRegistry.Match match = channels.match(request.getHttpURI().getPath());
    if (match == null) {
      return false;
    }
    WebSocketCreator creator;
    try {
      creator = match.channel().creator(match.parameters(), node, compression);
    } catch (IllegalArgumentException e) {
      LOG.debug("No channel at {}: {}", request.getHttpURI().getPath(), e.getMessage());
      Response.writeError(request, response, callback, HttpStatus.NOT_FOUND_404);
      return true;
    }
    if (container.upgrade(creator, request, response, callback)) {
      return true;
    }
    response.setStatus(HttpStatus.UPGRADE_REQUIRED_426);
    response.getHeaders().put(HttpHeader.UPGRADE, "websocket");
    response.getHeaders().put(HttpHeader.CONTENT_TYPE, "text/plain;charset=utf-8");
    response.write(true, StandardCharsets.UTF_8.encode(NOT_WEBSOCKET), callback);
    return true;
  }
}
