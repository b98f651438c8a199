package dev.chanx.runtime.server;

import dev.chanx.runtime.channel.ChannelHandler;
import dev.chanx.runtime.channel.ChannelRoute;
import dev.chanx.runtime.docs.AsyncApiDocument;
import dev.chanx.runtime.layer.ChannelLayer;
import dev.chanx.runtime.message.Message;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * An embedded WebSocket server hosting generated channels, configured fluently:
 *
 * <pre>{@code
 * ChanxServer server = ChanxServer.create()
 *     .port(8000)
 *     .channel(ChatRoute.create(), new ChatRoom())
 *     .staticResources("/chat/", "public/chat")
 *     .asyncApi("chat.asyncapi.yaml")
 *     .start();
 * }</pre>
 *
 * <p>Binds to all interfaces ({@code 0.0.0.0}) on port 8000 unless told otherwise; port 0 picks
 * a free port, read back with {@link #port()}. Compression is off unless enabled.
 */
public final class ChanxServer {

  private final Node node = new Node();
  private final ChannelRegistry channels = new ChannelRegistry();
  private final List<StaticMount> mounts = new ArrayList<>();
  private String host = "0.0.0.0";
  private int port = 8000;
  private boolean compression;
  private Duration stopTimeout = Duration.ofSeconds(5);
  private Duration idleTimeout = Duration.ofMinutes(5);
  private AsyncApiDocument asyncApi;
  private JettyServer running;

  private ChanxServer() {}

  /** A server with default settings and nothing to serve yet. */
  public static ChanxServer create() {
    return new ChanxServer();
  }

  /** The interface to bind to, such as {@code 127.0.0.1} for this machine only; default {@code 0.0.0.0}. */
  public ChanxServer host(String host) {
    checkNotStarted();
    this.host = Objects.requireNonNull(host, "host");
    return this;
  }

  /** The port to listen on; 0 picks a free one; default 8000. */
  public ChanxServer port(int port) {
    checkNotStarted();
    if (port < 0 || port > 65535) {
      throw new IllegalArgumentException("not a valid port: " + port);
    }
    this.port = port;
    return this;
  }

  /** Hosts a channel: its generated route and the handler that implements it. */
  public <H extends ChannelHandler<S, P>, C extends Message, S extends Message, P> ChanxServer channel(
      ChannelRoute<H, C, S, P> route, H handler) {
    checkNotStarted();
    channels.add(new HostedChannel<>(Objects.requireNonNull(route, "route"), Objects.requireNonNull(handler, "handler")));
    return this;
  }

  /** Serves a classpath folder under a URL prefix, such as {@code ("/chat/", "public/chat")}. */
  public ChanxServer staticResources(String urlPrefix, String classpathFolder) {
    checkNotStarted();
    StaticMount mount = StaticMount.of(urlPrefix, classpathFolder);
    for (StaticMount other : mounts) {
      if (other.contextPath().equals(mount.contextPath())) {
        throw new IllegalArgumentException("static resources are already served at " + urlPrefix);
      }
    }
    mounts.add(mount);
    return this;
  }

  /** Serves an AsyncAPI document (a classpath resource) at {@code /asyncapi/schema/} and {@code /asyncapi/docs/}. */
  public ChanxServer asyncApi(String classpathResource) {
    return asyncApi(AsyncApiDocument.fromClasspath(classpathResource));
  }

  /** Serves an AsyncAPI document (a file) at {@code /asyncapi/schema/} and {@code /asyncapi/docs/}. */
  public ChanxServer asyncApi(Path file) {
    return asyncApi(AsyncApiDocument.fromFile(file));
  }

  /** Serves an AsyncAPI document at {@code /asyncapi/schema/} and {@code /asyncapi/docs/}. */
  public ChanxServer asyncApi(AsyncApiDocument document) {
    checkNotStarted();
    this.asyncApi = Objects.requireNonNull(document, "document");
    return this;
  }

  /** The channel layer that carries group sends and pushes; default in-memory (one node). */
  public ChanxServer layer(ChannelLayer layer) {
    checkNotStarted();
    node.layer = Objects.requireNonNull(layer, "layer");
    return this;
  }

  /** Whether to accept {@code permessage-deflate} when a client offers it; default off (it costs latency). */
  public ChanxServer compression(boolean enabled) {
    checkNotStarted();
    this.compression = enabled;
    return this;
  }

  /** How long a socket may stay silent (no frame either way) before it is closed; default 5 minutes. */
  public ChanxServer idleTimeout(Duration timeout) {
    checkNotStarted();
    if (timeout.isNegative() || timeout.isZero()) {
      throw new IllegalArgumentException("an idle timeout must be positive: " + timeout);
    }
    this.idleTimeout = timeout;
    return this;
  }

  /** How long {@link #stop()} waits for open work before closing sockets; default 5 seconds. */
  public ChanxServer stopTimeout(Duration timeout) {
    checkNotStarted();
    this.stopTimeout = Objects.requireNonNull(timeout, "timeout");
    return this;
  }

  /** A publisher for pushes to a hosted channel's connections and groups, usable from any thread. */
  public <S extends Message> ChannelPublisher<S> publisher(ChannelRoute<?, ?, S, ?> route) {
    HostedChannel<?, ?, ?, ?> channel = channels.get(route);
    return new LayerPublisher<>(node, HostedChannel.groupPrefix(channel.name()));
  }

  /** The channel layer in use. */
  public ChannelLayer layer() {
    return node.layer;
  }

  /** Starts listening; returns once the port is bound. */
  public synchronized ChanxServer start() {
    checkNotStarted();
    JettyServer server = new JettyServer(host, port, stopTimeout, idleTimeout);
    node.layer.start(node.connections);
    try {
      server.start(container -> new ChannelHttpHandler(channels, node, compression, container), asyncApi, mounts);
    } catch (RuntimeException e) {
      node.layer.stop();
      throw e;
    }
    running = server;
    return this;
  }

  /** The port listened on, once started. */
  public int port() {
    JettyServer server = running;
    if (server == null) {
      throw new IllegalStateException("the server is not started");
    }
    return server.port();
  }

  /** Stops accepting, closes every socket (1001) and releases the port and the channel layer. */
  public synchronized void stop() {
    JettyServer server = running;
    if (server != null) {
      running = null;
      try {
        server.stop();
      } finally {
        node.layer.stop();
      }
    }
  }

  private void checkNotStarted() {
    if (running != null) {
      throw new IllegalStateException("the server is already started");
    }
  }
}
