package dev.chanx.server;

import dev.chanx.core.codec.FrameWriter;
import dev.chanx.core.message.Message;
import dev.chanx.server.channel.ChannelRoute;
import dev.chanx.server.docs.AsyncApiDocument;
import dev.chanx.server.layer.ChannelLayer;
import dev.chanx.server.presence.PresenceHub;
import dev.chanx.server.telemetry.Telemetries;
import dev.chanx.server.telemetry.Telemetry;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.Consumer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The channels of a {@link ChanxServer} without its Jetty: for a container that already listens
 * (a servlet container under Spring Boot, say) and carries the sockets itself, through the
 * transport seam ({@link Socket}, {@link SocketEvents}).
 *
 * <pre>{@code
 * ChannelHost host = ChannelHost.create(config -> config.channel(ChatRoute.create(), new ChatRoom())).start();
 * HostAnswer answer = host.answer(request);   // in the container's HTTP handler
 * if (answer.upgrades()) {
 *   EarlyOpen events = answer.admit();   // onConnect runs now, before the 101
 *   // upgrade with the container's WebSocket API and report to events;
 *   // if the 101 is not written after all: events.upgradeFailed(cause)
 * }
 * }</pre>
 *
 * <p>Everything past the upgrade is the server's own code: validation and error frames, groups,
 * pushes, the channel layer, limits, keepalive, completion frames, camelCase. The upgrade is
 * decided in the same order as the server's: 404 for an address with a bad path parameter, 400
 * for a query that breaks the binding, 426 for a plain HTTP request, 503 when full or stopping,
 * 403 for an origin not allowed, then the channel's authenticator. The host, port, static
 * resources and signals of the configuration are the container's business, and ignored here.
 */
public final class ChannelHost {

  private static final Logger LOG = LoggerFactory.getLogger(ChannelHost.class);
  private static final byte[] NOT_WEBSOCKET =
      "This is a WebSocket endpoint: connect with a WebSocket client.\n".getBytes(StandardCharsets.UTF_8);

  private final Node node = new Node();
  private final ServerConfig config;
  private final AtomicBoolean fullReported = new AtomicBoolean();
  private final AtomicBoolean originReported = new AtomicBoolean();
  private Keepalive pings;
  private volatile Guard guard;
  private volatile AsyncApiDocument served;

  private ChannelHost(ServerConfig config) {
    this.config = config;
    node.layer = config.layer;
    node.presence = new PresenceHub(config.presence, config.presenceBatch);
  }

  /**
   * Creates a host, not yet started, configured as a {@link ChanxServer} is.
   *
   * @param configure sets the channels and how they are served, on a configuration that closes when it returns
   * @return the configured host; {@link #start()} starts it
   */
  public static ChannelHost create(Consumer<? super ServerConfig> configure) {
    ServerConfig config = new ServerConfig();
    Objects.requireNonNull(configure, "configure").accept(config);
    config.close();
    if (!config.mounts.isEmpty()) {
      LOG.warn("Static resources are served by the container, not by a ChannelHost: {} mount(s) ignored",
          config.mounts.size());
    }
    return new ChannelHost(config);
  }

  /**
   * A publisher for pushes to a hosted channel's connections and groups, usable from any thread.
   *
   * @param <S> the type of messages the server sends on the channel
   * @param route the generated route of the channel
   * @return the publisher for the channel
   */
  public <S extends Message> ChannelPublisher<S> publisher(ChannelRoute<?, ?, S, ?> route) {
    HostedChannel<?, ?, ?, ?> channel = config.channels.get(route);
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
   * Starts the channel layer and the keepalive; upgrades are refused with 503 until then.
   *
   * @return this host, started
   */
  public synchronized ChannelHost start() {
    if (guard != null) {
      throw new IllegalStateException("the host is already started");
    }
    ServerConfig c = config;
    c.channels.resolve(c.defaults);
    // The same telemetry hooks as a ChanxServer's, so a container's sockets report as the server's do.
    Telemetry telemetry = Telemetries.of(c.telemetries);
    c.channels.watch(telemetry);
    node.tracesFrames = telemetry.readsTraceparent();
    node.connections.telemetry(telemetry.layer());
    AsyncApiDocument document = c.asyncApi == null ? null : c.asyncApi.withRuntimeFrames(c.channels.runtimeFrames());
    if (document != null && node.tracesFrames) {
      document = document.withTraceparent(c.channels.runtimeFrames());
    }
    served = document;
    Guard started = new Guard(c.limits);
    node.layer.start(node.connections);
    node.presence.start();
    telemetry.started(new NodeStatus(node, started));
    pings = new Keepalive(node.connections, c.keepalive);
    pings.start();
    guard = started;
    LOG.info("Limits: {}; origins: {}; keepalive {}", c.limits.describe(), c.origins.describe(),
        c.keepalive.isZero() ? "off" : "pings every " + c.keepalive.toMillis() + " ms");
    return this;
  }

  /**
   * Stops gracefully, as {@link ChanxServer#stop()} does: refuses new sockets and frames, lets the
   * handlers in flight finish, closes every socket with 1001 and stops the channel layer. The
   * container stays up.
   */
  public synchronized void stop() {
    Guard running = guard;
    if (running == null || running.isStopping()) {
      return;
    }
    pings.stop();
    try {
      new GracefulStop(null, running, node.connections, config.stopTimeout).run();
    } finally {
      node.presence.stop();
      node.layer.stop();
    }
  }

  /**
   * {@return the served AsyncAPI document, with the frames the runtime itself sends, once started}
   */
  public Optional<AsyncApiDocument> asyncApi() {
    return Optional.ofNullable(served);
  }

  /**
   * Whether a request path is the address of a hosted channel, parameters aside.
   *
   * @param rawPath the request path as sent, still URL-encoded
   * @return true when {@link #answer} should decide the request
   */
  public boolean serves(String rawPath) {
    return config.channels.match(rawPath) != null;
  }

  /**
   * {@return the largest message accepted from a client, in bytes; a transport closes with 1009 past it}
   */
  public int maxFrameSize() {
    return config.limits.maxFrameSize();
  }

  /**
   * {@return the largest binary message accepted from a client, in bytes; a transport closes with 1009 past it}
   */
  public int maxBinaryFrameSize() {
    return config.limits.maxBinaryFrameSize();
  }

  /**
   * {@return how long a socket may stay quiet before the transport closes it}
   */
  public Duration idleTimeout() {
    return config.idleTimeout;
  }

  /**
   * {@return whether the transport may negotiate {@code permessage-deflate}}
   */
  public boolean compression() {
    return config.compression;
  }

  /**
   * {@return whether the handlers are promised not to block ({@link ServerConfig#nonBlockingHandlers}),
   * so a transport may handle a socket's frames on the I/O thread that read them}
   */
  public boolean nonBlockingHandlers() {
    return config.nonBlockingHandlers;
  }

  /**
   * Decides a request to a channel's address; never throws for what a client sends.
   *
   * @param request the request as the container has it
   * @return an upgrade with the socket's events, or the HTTP answer refusing it
   */
  public HostAnswer answer(HostRequest request) {
    ChannelRegistry.Match match = config.channels.match(request.rawPath());
    if (match == null) {
      return plain(404, "Not Found");
    }
    long start = System.nanoTime();
    HostAnswer answer = answer(match, request);
    match.channel().telemetry().handshake(answer.upgrades() ? 101 : answer.status(), start);
    return answer;
  }

  private HostAnswer answer(ChannelRegistry.Match match, HostRequest request) {
    HostedChannel<?, ?, ?, ?>.Handshake handshake;
    try {
      handshake = match.channel().handshake(match.parameters());
    } catch (IllegalArgumentException e) {
      LOG.debug("No channel at {}: {}", request.rawPath(), e.getMessage());
      return plain(404, "Not Found");
    }
    UpgradeInfo upgrade;
    try {
      upgrade = UpgradeInfo.of(request);
      handshake.checkQuery(upgrade.query());
    } catch (IllegalArgumentException e) {
      LOG.debug("Bad query at {}: {}", request.rawPath(), e.getMessage());
      return plain(400, "Bad Request");
    }
    String upgradeHeader = upgrade.headers().get("Upgrade");
    if (upgradeHeader == null || !upgradeHeader.equalsIgnoreCase("websocket")) {
      return HostAnswer.refuse(426, Map.of("Upgrade", "websocket", "Content-Type", "text/plain;charset=utf-8"),
          NOT_WEBSOCKET);
    }
    Guard running = guard;
    if (running == null || running.isStopping() || running.slots.full()) {
      return unavailable(running, request.rawPath());
    }
    String origin = upgrade.headers().get("Origin");
    if (!config.origins.allows(origin, upgrade.headers().get("Host"))) {
      if (originReported.compareAndSet(false, true)) {
        LOG.info("Upgrade to {} refused with 403: origin {} is not allowed ({}); further ones are logged at DEBUG",
            request.rawPath(), origin, config.origins.describe());
      }
      return plain(403, "Origin not allowed");
    }
    AuthResult admission = handshake.admit(upgrade);
    if (!admission.isOk() && !handshake.framesAuthentication()) {
      String detail = admission.detail();
      ByteBuffer body = FrameWriter.write(out -> out.writeStringField("detail", detail), null).buffer();
      byte[] bytes = new byte[body.remaining()];
      body.get(bytes);
      return HostAnswer.refuse(admission.status(), Map.of("Content-Type", "application/json"), bytes);
    }
    if (admission.isOk() && admission.principal().isEmpty()) {
      Optional<Object> user = request.principal();
      if (user.isPresent()) {
        admission = AuthResult.ok(user.get());
      }
    }
    return HostAnswer.upgrade(handshake.socket(upgrade, admission, node, running), upgrade.clientSpeaksFirst());
  }

  private HostAnswer unavailable(Guard running, String path) {
    if (running == null || running.isStopping()) {
      LOG.debug("Upgrade to {} refused: the host is not running", path);
    } else if (fullReported.compareAndSet(false, true)) {
      LOG.warn("Upgrade refused with 503: {} sockets open, the limit (logged once)", running.limits.maxConnections());
    }
    return HostAnswer.refuse(503, Map.of("Retry-After", "5", "Content-Type", "text/plain;charset=utf-8"),
        "Service Unavailable\n".getBytes(StandardCharsets.UTF_8));
  }

  private static HostAnswer plain(int status, String text) {
    return HostAnswer.refuse(status, Map.of("Content-Type", "text/plain;charset=utf-8"),
        (text + "\n").getBytes(StandardCharsets.UTF_8));
  }

  /** The open connections, for tests in this package. */
  List<ChanxConnection<?, ?>> connections() {
    return List.copyOf(node.connections.all());
  }
}
