package dev.chanx.runtime.server;

import dev.chanx.runtime.docs.AsyncApiDocument;
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

  JettyServer(String host, int port, Duration stopTimeout, Duration idleTimeout) {
    this.idleTimeout = idleTimeout;
    QueuedThreadPool threads = new QueuedThreadPool();
    threads.setName("chanx");
    server = new Server(threads);
    HttpConfiguration http = new HttpConfiguration();
    http.setSendServerVersion(false);
    connector = new ServerConnector(server, new HttpConnectionFactory(http));
    connector.setHost(host);
    connector.setPort(port);
    server.addConnector(connector);
    server.setStopTimeout(stopTimeout.toMillis());
    server.setStopAtShutdown(false);
  }

  void start(Function<ServerWebSocketContainer, Handler> channels, AsyncApiDocument asyncApi,
      List<StaticMount> mounts) {
    // Jetty's own default (30 s) would drop a chat tab that stays quiet for half a minute.
    WebSocketUpgradeHandler upgrades = WebSocketUpgradeHandler.from(server,
        container -> container.setIdleTimeout(idleTimeout));
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

  void stop() {
    try {
      server.stop();
    } catch (Exception e) {
      LOG.warn("Stopping the server failed", e);
    }
  }
}
