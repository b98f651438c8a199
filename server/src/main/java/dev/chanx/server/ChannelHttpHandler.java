package dev.chanx.server;

import dev.chanx.server.telemetry.ChannelTelemetry;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Supplier;
import org.eclipse.jetty.http.BadMessageException;
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
 * Upgrades requests for channel addresses; a path parameter that breaks its schema gets 404, as
 * an address that does not exist, a query that breaks the binding's schema 400, and a plain HTTP
 * request 426, all without upgrading. When every connection slot is taken, or the
 * server is stopping, an upgrade gets 503 before anything is accepted (cheaper than accepting
 * and closing with 1013); a page from an origin not allowed gets 403, and a client that the
 * channel's authenticator or authorizer refuses gets their status (401, 403), unless the channel
 * tells it in an {@code authentication} frame instead. Other paths pass to the next handler.
 */
final class ChannelHttpHandler extends Handler.Abstract {

  private static final Logger LOG = LoggerFactory.getLogger(ChannelHttpHandler.class);
  private static final String NOT_WEBSOCKET =
      "This is a WebSocket endpoint: connect with a WebSocket client.\n";

  private final ChannelRegistry channels;
  private final Node node;
  private final Guard guard;
  private final boolean compression;
  private final OriginCheck origins;
  private final ServerWebSocketContainer container;
  private final LeanUpgrade lean;
  private final AtomicBoolean fullReported = new AtomicBoolean();
  private final AtomicBoolean originReported = new AtomicBoolean();

  ChannelHttpHandler(ChannelRegistry channels, Node node, Guard guard, boolean compression, OriginCheck origins,
      ServerWebSocketContainer container, LeanUpgrade lean) {
    this.channels = channels;
    this.node = node;
    this.guard = guard;
    this.compression = compression;
    this.origins = origins;
    this.container = container;
    this.lean = lean;
  }

  @Override
  public boolean handle(Request request, Response response, Callback callback) {
    ChannelRegistry.Match match = channels.match(request.getHttpURI().getPath());
    if (match == null) {
      return false;
    }
    long start = System.nanoTime();
    ChannelTelemetry telemetry = match.channel().telemetry();
    int status = upgrade(match, request, response, callback);
    telemetry.handshake(status, start);
    return true;
  }

  /** Answers an upgrade request to a matched channel; returns the HTTP status answered (101 when upgraded). */
  private int upgrade(ChannelRegistry.Match match, Request request, Response response, Callback callback) {
    HostedChannel<?, ?, ?, ?>.Handshake handshake;
    try {
      handshake = match.channel().handshake(match.parameters());
    } catch (IllegalArgumentException e) {
      LOG.debug("No channel at {}: {}", request.getHttpURI().getPath(), e.getMessage());
      Response.writeError(request, response, callback, HttpStatus.NOT_FOUND_404);
      return HttpStatus.NOT_FOUND_404;
    }
    UpgradeInfo upgrade;
    try {
      upgrade = UpgradeInfo.of(request); // a query string that is not URL-encoded right throws here
      handshake.checkQuery(upgrade.query());
    } catch (IllegalArgumentException | BadMessageException e) {
      LOG.debug("Bad query at {}: {}", request.getHttpURI().getPath(), e.getMessage());
      Response.writeError(request, response, callback, HttpStatus.BAD_REQUEST_400);
      return HttpStatus.BAD_REQUEST_400;
    }
    if (!isUpgrade(request)) {
      return notWebSocket(response, callback);
    }
    if (guard.isStopping() || guard.slots.full()) {
      return unavailable(request, response, callback);
    }
    if (!originAllowed(request)) {
      Response.writeError(request, response, callback, HttpStatus.FORBIDDEN_403, "Origin not allowed");
      return HttpStatus.FORBIDDEN_403;
    }
    AuthResult admission = handshake.admit(upgrade);
    if (!admission.isOk() && !handshake.framesAuthentication()) {
      AuthFrames.refuse(response, callback, admission);
      return admission.status();
    }
    // The socket is admitted, and its onConnect run, before the 101 is written (see EarlyOpen).
    if (compression) {
      // permessage-deflate is Jetty's: with compression on, its WebSocket implementation carries the socket.
      AtomicReference<EarlyOpen> admitted = new AtomicReference<>();
      WebSocketCreator creator = (req, resp, cb) -> {
        EarlyOpen early = new EarlyOpen(handshake.socket(upgrade, admission, node, guard), upgrade.clientSpeaksFirst());
        admitted.set(early);
        return new ChannelEndpoint(early);
      };
      return container.upgrade(creator, request, response, new UpgradeAnswered(callback, response, admitted::get))
          ? HttpStatus.SWITCHING_PROTOCOLS_101 : notWebSocket(response, callback);
    }
    if (!LeanUpgrade.acceptable(request)) {
      return notWebSocket(response, callback);
    }
    EarlyOpen early = new EarlyOpen(handshake.socket(upgrade, admission, node, guard), upgrade.clientSpeaksFirst());
    lean.upgrade(request, response, new UpgradeAnswered(callback, response, () -> early), early);
    return HttpStatus.SWITCHING_PROTOCOLS_101;
  }

  /**
   * The handler's callback, told when the upgrade's answer is written: if that was no 101, or
   * failed (the client left while {@code onConnect} ran, say), the socket admitted early is closed.
   */
  private static final class UpgradeAnswered extends Callback.Nested {

    private final Response response;
    private final Supplier<EarlyOpen> admitted;

    UpgradeAnswered(Callback callback, Response response, Supplier<EarlyOpen> admitted) {
      super(callback);
      this.response = response;
      this.admitted = admitted;
    }

    @Override
    public void succeeded() {
      if (response.getStatus() != HttpStatus.SWITCHING_PROTOCOLS_101) {
        abandon(null);
      }
      super.succeeded();
    }

    @Override
    public void failed(Throwable cause) {
      abandon(cause);
      super.failed(cause);
    }

    private void abandon(Throwable cause) {
      EarlyOpen early = admitted.get();
      if (early != null) {
        early.upgradeFailed(cause);
      }
    }
  }

  private boolean originAllowed(Request request) {
    String origin = request.getHeaders().get(HttpHeader.ORIGIN);
    String host = request.getHeaders().get(HttpHeader.HOST);
    if (origins.allows(origin, host != null ? host : request.getHttpURI().getAuthority())) {
      return true;
    }
    if (originReported.compareAndSet(false, true)) {
      LOG.info("Upgrade to {} refused with 403: origin {} is not allowed ({}); further ones are logged at DEBUG",
          request.getHttpURI().getPath(), origin, origins.describe());
    } else {
      LOG.debug("Upgrade to {} refused with 403: origin {} is not allowed", request.getHttpURI().getPath(), origin);
    }
    return false;
  }

  private static boolean isUpgrade(Request request) {
    String upgrade = request.getHeaders().get(HttpHeader.UPGRADE);
    return upgrade != null && upgrade.equalsIgnoreCase("websocket");
  }

  private int unavailable(Request request, Response response, Callback callback) {
    if (guard.isStopping()) {
      LOG.debug("Upgrade to {} refused: the server is stopping", request.getHttpURI().getPath());
    } else if (fullReported.compareAndSet(false, true)) {
      LOG.warn("Upgrade refused with 503: {} sockets open, the limit (logged once)", guard.limits.maxConnections());
    }
    response.getHeaders().put(HttpHeader.RETRY_AFTER, "5");
    Response.writeError(request, response, callback, HttpStatus.SERVICE_UNAVAILABLE_503);
    return HttpStatus.SERVICE_UNAVAILABLE_503;
  }

  private static int notWebSocket(Response response, Callback callback) {
    response.setStatus(HttpStatus.UPGRADE_REQUIRED_426);
    response.getHeaders().put(HttpHeader.UPGRADE, "websocket");
    response.getHeaders().put(HttpHeader.CONTENT_TYPE, "text/plain;charset=utf-8");
    response.write(true, StandardCharsets.UTF_8.encode(NOT_WEBSOCKET), callback);
    return HttpStatus.UPGRADE_REQUIRED_426;
  }
}
