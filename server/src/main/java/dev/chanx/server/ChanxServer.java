package dev.chanx.server;

import dev.chanx.server.channel.ChannelHandler;
import dev.chanx.server.channel.ChannelRoute;
import dev.chanx.server.docs.AsyncApiDocument;
import dev.chanx.server.layer.ChannelLayer;
import dev.chanx.core.message.Message;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.function.Consumer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

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
 * a free port, read back with {@link #port()}. Compression is off unless enabled. Every limit
 * has a safe default (see each setter); a client that breaks one gets an error frame, or its
 * socket closed (1009 for a message over {@link #maxFrameSize}, 1008 when it stops reading).
 * Browsers may connect only from pages of this server's own host unless {@link #allowedOrigins}
 * says otherwise; everyone else may connect unless an {@link #authenticate authenticator} refuses.
 */
public final class ChanxServer {

  private static final Logger LOG = LoggerFactory.getLogger(ChanxServer.class);

  private final Node node = new Node();
  private final ChannelRegistry channels = new ChannelRegistry();
  private final List<StaticMount> mounts = new ArrayList<>();
  private String host = "0.0.0.0";
  private int port = 8000;
  private boolean compression;
  private Duration stopTimeout = Duration.ofSeconds(5);
  private Duration idleTimeout = Duration.ofMinutes(5);
  private Duration keepalive = Keepalive.DEFAULT;
  private Limits limits = Limits.DEFAULTS;
  private ChannelSettings defaults = ChannelSettings.DEFAULTS;
  private OriginCheck origins = OriginCheck.SAME_HOST;
  private AsyncApiDocument asyncApi;
  private ShutdownHook hook;
  private JettyServer running;
  private Keepalive pings;
  private volatile Guard guard;

  private ChanxServer() {}

  /**
   * {@return a server with default settings and nothing to serve yet}
   */
  public static ChanxServer create() {
    return new ChanxServer();
  }

  /**
   * The interface to bind to, such as {@code 127.0.0.1} for this machine only; default {@code 0.0.0.0}.
   *
   * @param host the interface's address
   * @return this server
   */
  public ChanxServer host(String host) {
    checkNotStarted();
    this.host = Objects.requireNonNull(host, "host");
    return this;
  }

  /**
   * The port to listen on; 0 picks a free one; default 8000.
   *
   * @param port the port, or 0 for a free one
   * @return this server
   */
  public ChanxServer port(int port) {
    checkNotStarted();
    if (port < 0 || port > 65535) {
      throw new IllegalArgumentException("not a valid port: " + port);
    }
    this.port = port;
    return this;
  }

  /**
   * Hosts a channel: its generated route and the handler that implements it.
   *
   * @param <H> the handler type
   * @param <C> the type of messages clients send
   * @param <S> the type of messages the server sends on the channel
   * @param <P> the channel's typed path parameters
   * @param route the generated route of the channel
   * @param handler the handler that implements the channel
   * @return this server
   */
  public <H extends ChannelHandler<S, P>, C extends Message, S extends Message, P> ChanxServer channel(
      ChannelRoute<H, C, S, P> route, H handler) {
    checkNotStarted();
    channels.add(new HostedChannel<>(Objects.requireNonNull(route, "route"), Objects.requireNonNull(handler, "handler")));
    return this;
  }

  /**
   * Hosts a channel with settings of its own, such as
   * {@code chat -> chat.authorize((user, path) -> ...).completionFrames(true)}; the rest follows the server.
   *
   * @param <H> the handler type
   * @param <C> the type of messages clients send
   * @param <S> the type of messages the server sends on the channel
   * @param <P> the channel's typed path parameters
   * @param route the generated route of the channel
   * @param handler the handler that implements the channel
   * @param configure sets the channel's own settings
   * @return this server
   */
  public <H extends ChannelHandler<S, P>, C extends Message, S extends Message, P> ChanxServer channel(
      ChannelRoute<H, C, S, P> route, H handler, Consumer<ChannelConfig<P>> configure) {
    checkNotStarted();
    ChannelConfig<P> config = new ChannelConfig<>();
    configure.accept(config);
    channels.add(new HostedChannel<>(Objects.requireNonNull(route, "route"), Objects.requireNonNull(handler, "handler"),
        config));
    return this;
  }

  /**
   * Authenticates every client before it reaches a handler; a refusal is the upgrade's HTTP
   * status (401, 403), or an {@code authentication} frame with {@link #authenticationFrames}.
   * Default: none, everyone connects.
   *
   * @param authenticator the authenticator of every channel that has none of its own
   * @return this server
   */
  public ChanxServer authenticate(Authenticator authenticator) {
    checkNotStarted();
    defaults = defaults.withAuthenticator(Objects.requireNonNull(authenticator, "authenticator"));
    return this;
  }

  /**
   * Chanx's way of authenticating: accept the socket, send {@code authentication} (status 200,
   * or 401/403 then close with 1008), instead of refusing the upgrade; default off.
   *
   * @param enabled true to turn it on
   * @return this server
   */
  public ChanxServer authenticationFrames(boolean enabled) {
    checkNotStarted();
    defaults = defaults.withAuthenticationFrames(enabled);
    return this;
  }

  /**
   * Lets pages from these origins ({@code https://app.example.com}) open sockets, besides pages of
   * this server's own host; other browser pages get 403. Clients sending no {@code Origin} always pass.
   *
   * @param origins the allowed origins, such as {@code https://app.example.com}
   * @return this server
   */
  public ChanxServer allowedOrigins(String... origins) {
    checkNotStarted();
    this.origins = this.origins.allow(origins);
    return this;
  }

  /**
   * Lets pages from any origin open sockets (no protection against cross-site WebSocket hijacking).
   *
   * @return this server
   */
  public ChanxServer allowAnyOrigin() {
    checkNotStarted();
    this.origins = this.origins.allowAny();
    return this;
  }

  /**
   * Whether to send {@code complete}, {@code group_complete} and {@code event_complete} frames; default off.
   *
   * @param enabled true to turn it on
   * @return this server
   */
  public ChanxServer completionFrames(boolean enabled) {
    checkNotStarted();
    defaults = defaults.withCompletionFrames(enabled);
    return this;
  }

  /**
   * Whether clients write and read camelCase keys (converted from and to the document's snake_case); default off.
   *
   * @param enabled true to turn it on
   * @return this server
   */
  public ChanxServer camelCase(boolean enabled) {
    checkNotStarted();
    defaults = defaults.withCamelCase(enabled);
    return this;
  }

  /**
   * Whether to log the text of every frame in and out (INFO, logger {@code dev.chanx.server.frames}); default off.
   *
   * @param enabled true to turn it on
   * @return this server
   */
  public ChanxServer logFrameContents(boolean enabled) {
    checkNotStarted();
    defaults = defaults.withLogContents(enabled);
    return this;
  }

  /**
   * Serves a classpath folder under a URL prefix, such as {@code ("/chat/", "public/chat")}.
   *
   * @param urlPrefix the URL prefix, such as {@code /chat/}
   * @param classpathFolder the classpath folder, such as {@code public/chat}
   * @return this server
   */
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

  /**
   * Serves an AsyncAPI document (a classpath resource) at {@code /asyncapi/schema/} and {@code /asyncapi/docs/}.
   *
   * @param classpathResource the classpath resource holding the document
   * @return this server
   */
  public ChanxServer asyncApi(String classpathResource) {
    return asyncApi(AsyncApiDocument.fromClasspath(classpathResource));
  }

  /**
   * Serves an AsyncAPI document (a file) at {@code /asyncapi/schema/} and {@code /asyncapi/docs/}.
   *
   * @param file the file holding the document
   * @return this server
   */
  public ChanxServer asyncApi(Path file) {
    return asyncApi(AsyncApiDocument.fromFile(file));
  }

  /**
   * Serves an AsyncAPI document at {@code /asyncapi/schema/} and {@code /asyncapi/docs/}.
   *
   * @param document the document to serve
   * @return this server
   */
  public ChanxServer asyncApi(AsyncApiDocument document) {
    checkNotStarted();
    this.asyncApi = Objects.requireNonNull(document, "document");
    return this;
  }

  /**
   * The channel layer that carries group sends and pushes; default in-memory (one node).
   *
   * @param layer the channel layer to use
   * @return this server
   */
  public ChanxServer layer(ChannelLayer layer) {
    checkNotStarted();
    node.layer = Objects.requireNonNull(layer, "layer");
    return this;
  }

  /**
   * Whether to accept {@code permessage-deflate} when a client offers it; default off, since
   * deflating every small frame costs far more than sending it. When on, every frame of that
   * socket is compressed (Jetty 12 offers no per-frame choice), and {@link #maxFrameSize}
   * applies to the inflated message.
   *
   * @param enabled true to turn it on
   * @return this server
   */
  public ChanxServer compression(boolean enabled) {
    checkNotStarted();
    this.compression = enabled;
    return this;
  }

  /**
   * The largest text message a client may send, in bytes, after decompression; over it the socket closes with 1009; default 64 KiB.
   *
   * @param bytes the limit in bytes
   * @return this server
   */
  public ChanxServer maxFrameSize(int bytes) {
    checkNotStarted();
    limits = limits.withMaxFrameSize(bytes);
    return this;
  }

  /**
   * The deepest nesting of objects and arrays in a client frame (at most 1000); deeper gets a json_invalid error; default 32.
   *
   * @param depth the nesting limit
   * @return this server
   */
  public ChanxServer maxJsonDepth(int depth) {
    checkNotStarted();
    limits = limits.withMaxJsonDepth(depth);
    return this;
  }

  /**
   * The longest string or key in a client frame, in characters; longer gets a json_invalid error; default 65,536.
   *
   * @param chars the limit in characters
   * @return this server
   */
  public ChanxServer maxStringLength(int chars) {
    checkNotStarted();
    limits = limits.withMaxStringLength(chars);
    return this;
  }

  /**
   * The longest number in a client frame, in digits; longer gets a json_invalid error; default 100.
   *
   * @param chars the limit in characters
   * @return this server
   */
  public ChanxServer maxNumberLength(int chars) {
    checkNotStarted();
    limits = limits.withMaxNumberLength(chars);
    return this;
  }

  /**
   * The most open sockets; a further upgrade gets HTTP 503 with Retry-After (1013 if it raced past); default 10,000.
   *
   * @param sockets the limit of open sockets
   * @return this server
   */
  public ChanxServer maxConnections(int sockets) {
    checkNotStarted();
    limits = limits.withMaxConnections(sockets);
    return this;
  }

  /**
   * The most frames waiting to be written to one socket; a client that lets more pile up is closed with 1008; default 1024.
   *
   * @param frames the limit in frames
   * @return this server
   */
  public ChanxServer maxQueuedFrames(int frames) {
    checkNotStarted();
    limits = limits.withMaxQueuedFrames(frames);
    return this;
  }

  /**
   * The most bytes waiting to be written to one socket (one frame always fits); beyond it the socket is closed with 1008; default 1 MiB.
   *
   * @param bytes the limit in bytes
   * @return this server
   */
  public ChanxServer maxQueuedBytes(long bytes) {
    checkNotStarted();
    limits = limits.withMaxQueuedBytes(bytes);
    return this;
  }

  /**
   * Stops this server gracefully (as {@link #stop()}) when the JVM exits, such as on SIGTERM or Ctrl-C.
   *
   * @return this server
   */
  public ChanxServer stopOnSignal() {
    checkNotStarted();
    if (hook == null) {
      hook = new ShutdownHook(this::stop);
    }
    return this;
  }

  /**
   * How long a socket may stay silent (no frame either way) before it is closed; default 5 minutes.
   * Keepalive pings and pongs are frames, so with {@link #keepalive} on (and shorter) no socket is
   * idle: the keepalive closes dead peers instead.
   *
   * @param timeout the time allowed
   * @return this server
   */
  public ChanxServer idleTimeout(Duration timeout) {
    checkNotStarted();
    if (timeout.isNegative() || timeout.isZero()) {
      throw new IllegalArgumentException("an idle timeout must be positive: " + timeout);
    }
    this.idleTimeout = timeout;
    return this;
  }

  /**
   * How often to ping every socket; a socket whose pong has not come by the next ping is closed
   * with 1011, so a peer gone without a word is closed within two intervals. Keep it below the
   * idle cut of any proxy in between (often 60 s). Default 25 seconds; {@code Duration.ZERO}
   * turns pings off.
   *
   * @param interval the time between pings, at least 10 ms, or zero for none
   * @return this server
   * @throws IllegalArgumentException if {@code interval} is negative or under 10 ms but not zero
   */
  public ChanxServer keepalive(Duration interval) {
    checkNotStarted();
    this.keepalive = Keepalive.check(interval);
    return this;
  }

  /**
   * How long {@link #stop()} lets handlers in flight finish before closing sockets; default 5 seconds.
   *
   * @param timeout the time allowed
   * @return this server
   */
  public ChanxServer stopTimeout(Duration timeout) {
    checkNotStarted();
    if (Objects.requireNonNull(timeout, "timeout").isNegative()) {
      throw new IllegalArgumentException("a stop timeout must not be negative: " + timeout);
    }
    this.stopTimeout = timeout;
    return this;
  }

  /**
   * A publisher for pushes to a hosted channel's connections and groups, usable from any thread.
   *
   * @param <S> the type of messages the server sends on the channel
   * @param route the generated route of the channel
   * @return the publisher for the channel
   */
  public <S extends Message> ChannelPublisher<S> publisher(ChannelRoute<?, ?, S, ?> route) {
    HostedChannel<?, ?, ?, ?> channel = channels.get(route);
    return new LayerPublisher<>(node.groups(HostedChannel.groupPrefix(channel.name())), channel.transformsPushes(),
        channel::settings);
  }

  /**
   * {@return the channel layer in use}
   */
  public ChannelLayer layer() {
    return node.layer;
  }

  /**
   * Starts listening; returns once the port is bound.
   *
   * @return this server, started
   */
  public synchronized ChanxServer start() {
    checkNotStarted();
    Guard started = new Guard(limits);
    JettyServer server = new JettyServer(host, port, idleTimeout, limits);
    channels.resolve(defaults);
    AsyncApiDocument served = asyncApi == null ? null : asyncApi.withRuntimeFrames(channels.runtimeFrames());
    node.layer.start(node.connections);
    try {
      server.start(container -> new ChannelHttpHandler(channels, node, started, compression, origins, container),
          served, mounts);
    } catch (RuntimeException e) {
      node.layer.stop();
      throw e;
    }
    pings = new Keepalive(node.connections, keepalive);
    pings.start();
    LOG.info("Limits: {}; compression {}; origins: {}; keepalive {}", limits.describe(),
        compression ? "on (permessage-deflate)" : "off", origins.describe(),
        keepalive.isZero() ? "off" : "pings every " + keepalive.toMillis() + " ms");
    if (!keepalive.isZero() && keepalive.compareTo(idleTimeout) >= 0) {
      LOG.warn("The keepalive interval ({} ms) is not shorter than the idle timeout ({} ms): quiet sockets are"
          + " closed before they are pinged", keepalive.toMillis(), idleTimeout.toMillis());
    }
    guard = started;
    running = server;
    if (hook != null) {
      hook.register();
    }
    return this;
  }

  /**
   * {@return the port listened on, once started}
   */
  public int port() {
    JettyServer server = running;
    if (server == null) {
      throw new IllegalStateException("the server is not started");
    }
    return server.port();
  }

  /**
   * Stops gracefully: refuses new sockets and new frames, lets the handlers in flight finish
   * (up to the stop timeout) so their replies go out, then closes every socket with 1001 and
   * releases the port and the channel layer.
   */
  public synchronized void stop() {
    JettyServer server = running;
    if (server != null) {
      running = null;
      pings.stop();
      try {
        new GracefulStop(server, guard, node.connections, stopTimeout).run();
      } finally {
        node.layer.stop();
        if (hook != null) {
          hook.unregister();
        }
      }
    }
  }

  /** What guards the running server, for tests in this package; null before the first start. */
  Guard guard() {
    return guard;
  }

  private void checkNotStarted() {
    if (running != null) {
      throw new IllegalStateException("the server is already started");
    }
  }
}
