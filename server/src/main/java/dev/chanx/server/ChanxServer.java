package dev.chanx.server;

import dev.chanx.server.channel.ChannelRoute;
import dev.chanx.server.topic.TopicPublisher;
import dev.chanx.server.topic.TopicRoute;
import dev.chanx.server.docs.AsyncApiDocument;
import dev.chanx.server.layer.ChannelLayer;
import dev.chanx.server.presence.PresenceHub;
import dev.chanx.server.presence.PresenceStore;
import dev.chanx.core.message.Message;
import dev.chanx.server.telemetry.Telemetries;
import dev.chanx.server.telemetry.Telemetry;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.function.Consumer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * An embedded WebSocket server hosting generated channels, configured in one lambda:
 *
 * <pre>{@code
 * ChanxServer server = ChanxServer.create(config -> {
 *   config.port(8000);
 *   config.channel(ChatRoute.create(), new ChatRoom());
 *   config.staticResources("/chat/", "public/chat");
 *   config.asyncApi("chat.asyncapi.yaml");
 * }).start();
 * }</pre>
 *
 * <p>Binds to all interfaces ({@code 0.0.0.0}) on port 8000 unless told otherwise; port 0 picks
 * a free port, read back with {@link #port()}. Compression is off unless enabled. Every limit
 * has a safe default (see each setter of {@link ServerConfig}); a client that breaks one gets an
 * error frame, or its socket closed (1009 for a message over
 * {@link ServerConfig#maxFrameSize}, 1008 when it stops reading). Browsers may connect only from
 * pages of this server's own host unless {@link ServerConfig#allowedOrigins} says otherwise;
 * everyone else may connect unless an {@link ServerConfig#authenticate authenticator} refuses.
 */
public final class ChanxServer {

  private static final Logger LOG = LoggerFactory.getLogger(ChanxServer.class);

  private final Node node = new Node();
  private final ServerConfig config;
  private final ShutdownHook hook;
  private JettyServer running;
  private Keepalive pings;
  private volatile Guard guard;

  private ChanxServer(ServerConfig config) {
    this.config = config;
    node.layer = config.layer;
    node.topicSpellings = config.channels::topicSpellings;
    node.presence = new PresenceHub(config.presence, config.presenceBatch);
    hook = config.stopOnSignal ? new ShutdownHook(this::stop) : null;
  }

  /**
   * Creates a server, not yet started, configured by {@code configure}; the defaults serve
   * nothing on port 8000 of every interface.
   *
   * @param configure sets what the server hosts and how, on a configuration that closes when it returns
   * @return the configured server; {@link #start()} starts it
   */
  public static ChanxServer create(Consumer<? super ServerConfig> configure) {
    ServerConfig config = new ServerConfig();
    Objects.requireNonNull(configure, "configure").accept(config);
    config.close();
    return new ChanxServer(config);
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
    return new LayerPublisher<>(node.groups(HostedChannel.groupPrefix(channel.name()), channel.recovery()),
        channel.transformsPushes(),
        channel::settings);
  }

  /**
   * A publisher to the subscribers of a topic, wherever they are connected, usable from any
   * thread; the topic need not be mounted on this node.
   *
   * @param <S> what the server may send on the topic
   * @param <P> the topic's typed parameters
   * @param route the generated route of the topic
   * @return the publisher for the topic
   */
  public <S extends Message, P> TopicPublisher<S, P> topic(TopicRoute<?, ?, S, P> route) {
    return new LayerTopicPublisher<>(route, node.topicGroups(route.topicName()));
  }

  /**
   * {@return the channel layer in use}
   */
  public ChannelLayer layer() {
    return node.layer;
  }

  /**
   * {@return the presence store in use}
   */
  public PresenceStore presence() {
    return node.presence.store();
  }

  /**
   * Starts listening; returns once the port is bound.
   *
   * @return this server, started
   */
  public synchronized ChanxServer start() {
    if (running != null) {
      throw new IllegalStateException("the server is already started");
    }
    ServerConfig c = config;
    Guard started = new Guard(c.limits);
    // Handlers on the I/O threads make those threads do all the work: one per core, as event loops
    // are sized, rather than Jetty's one per two cores for selectors that only hand work on.
    JettyServer server = new JettyServer(c.host, c.port, c.idleTimeout, c.limits,
        c.nonBlockingHandlers ? Runtime.getRuntime().availableProcessors() : 0);
    c.channels.resolve(c.defaults);
    // Settled now: looked up once per topic broadcast rather than worked out from the channels.
    Map<String, Set<Boolean>> spellings = new java.util.concurrent.ConcurrentHashMap<>();
    node.topicSpellings = name -> spellings.computeIfAbsent(name, c.channels::topicSpellings);
    Telemetry telemetry = Telemetries.of(c.telemetries);
    c.channels.watch(telemetry);
    node.tracesFrames = telemetry.readsTraceparent();
    node.connections.telemetry(telemetry.layer());
    AsyncApiDocument served = c.asyncApi == null ? null : c.asyncApi.withRuntimeFrames(c.channels.runtimeFrames());
    if (served != null && node.tracesFrames) {
      served = served.withTraceparent(c.channels.runtimeFrames());
    }
    NodeStatus status = new NodeStatus(node, started);
    List<TextEndpoint> endpoints = new ArrayList<>();
    if (c.healthChecks) {
      endpoints.add(TextEndpoint.live());
      endpoints.add(TextEndpoint.ready(status::ready));
    }
    endpoints.addAll(c.endpoints);
    node.layer.start(node.connections);
    node.presence.start();
    telemetry.started(status);
    try {
      server.start(container -> new ChannelHttpHandler(c.channels, node, started, c.compression, c.origins, container,
          new LeanUpgrade(c.idleTimeout, c.limits.maxFrameSize(), c.limits.maxBinaryFrameSize(),
              !c.nonBlockingHandlers)),
          new TextEndpointHandler(endpoints), served, c.mounts);
    } catch (RuntimeException e) {
      node.presence.stop();
      node.layer.stop();
      throw e;
    }
    pings = new Keepalive(node.connections, c.keepalive);
    pings.start();
    LOG.info("Limits: {}; compression {}; origins: {}; keepalive {}", c.limits.describe(),
        c.compression ? "on (permessage-deflate)" : "off", c.origins.describe(),
        c.keepalive.isZero() ? "off" : "pings every " + c.keepalive.toMillis() + " ms");
    if (!c.keepalive.isZero() && c.keepalive.compareTo(c.idleTimeout) >= 0) {
      LOG.warn("The keepalive interval ({} ms) is not shorter than the idle timeout ({} ms): quiet sockets are"
          + " closed before they are pinged", c.keepalive.toMillis(), c.idleTimeout.toMillis());
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
        new GracefulStop(server, guard, node.connections, config.stopTimeout).run();
      } finally {
        node.presence.stop();
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
}
