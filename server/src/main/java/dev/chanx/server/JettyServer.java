package dev.chanx.server;

import dev.chanx.server.docs.AsyncApiDocument;
import java.time.Duration;
import java.util.List;
import java.util.function.Function;
import org.eclipse.jetty.server.Handler;
import org.eclipse.jetty.server.HttpConfiguration;
import org.eclipse.jetty.server.HttpConnectionFactory;
import org.eclipse.jetty.server.Server;
import org.eclipse.jetty.server.ServerConnector;
import org.eclipse.jetty.util.thread.QueuedThreadPool;
import org.eclipse.jetty.websocket.server.ServerWebSocketContainer;
import org.eclipse.jetty.websocket.server.WebSocketUpgradeHandler;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The Jetty server underneath: one connector, then channels, the AsyncAPI document and static
 * folders tried in that order; anything else is 404.
 */
final class JettyServer {

  private static final Logger LOG = LoggerFactory.getLogger(JettyServer.class);

  private final Server server;
  private final ServerConnector connector;
  private final Duration idleTimeout;
  private final Limits limits;

  /**
   * A server on one connector; {@code ioThreads} selector threads, or Jetty's default (one per two
   * cores, at least one) when it is not positive.
   */
  JettyServer(String host, int port, Duration idleTimeout, Limits limits, int ioThreads) {
    this.idleTimeout = idleTimeout;
    this.limits = limits;
    QueuedThreadPool threads = new QueuedThreadPool();
    threads.setName("chanx");
    server = new Server(threads);
    HttpConfiguration http = new HttpConfiguration();
    http.setSendServerVersion(false);
    connector = new ServerConnector(server, -1, ioThreads > 0 ? ioThreads : -1, new HttpConnectionFactory(http));
    connector.setHost(host);
    connector.setPort(port);
    server.addConnector(connector);
    // ChanxServer.stop() does the graceful part (handlers, then 1001 closes) before Jetty stops.
    server.setStopTimeout(0);
    server.setStopAtShutdown(false);
  }

  void start(Function<ServerWebSocketContainer, Handler> channels, AsyncApiDocument asyncApi,
      List<StaticMount> mounts) {
    WebSocketUpgradeHandler upgrades = WebSocketUpgradeHandler.from(server, container -> {
      // Jetty's own default (30 s) would drop a chat tab that stays quiet for half a minute.
      container.setIdleTimeout(idleTimeout);
      // Checked on the message after decompression, so a small deflated frame cannot inflate past it.
      container.setMaxTextMessageSize(limits.maxFrameSize());
      container.setMaxBinaryMessageSize(limits.maxBinaryFrameSize());
      container.setMaxFrameSize(limits.maxWireFrame());
    });
    Handler.Sequence handlers = new Handler.Sequence();
    handlers.addHandler(channels.apply(upgrades.getServerWebSocketContainer()));
    if (asyncApi != null) {
      handlers.addHandler(new AsyncApiHttpHandler(asyncApi));
    }
    for (StaticMount mount : mounts) {
      handlers.addHandler(mount.handler());
    }
    upgrades.setHandler(handlers);
    server.setHandler(upgrades);
    try {
      server.start();
    } catch (Exception e) {
      stop();
      throw new IllegalStateException("cannot start the server on " + connector.getHost() + ":"
          + connector.getPort() + ": " + e.getMessage(), e);
    }
    LOG.info("Chanx server listening on {}:{}", connector.getHost(), connector.getLocalPort());
  }

  int port() {
    return connector.getLocalPort();
  }

  /** Closes the listening socket: new connections are refused, open ones carry on. */
  void stopAccepting() {
    connector.shutdown();
  }

  void stop() {
    try {
      server.stop();
    } catch (Exception e) {
      LOG.warn("Stopping the server failed", e);
    }
  }
}
