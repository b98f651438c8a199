package dev.chanx.server;

import dev.chanx.server.channel.ChannelHandler;
import dev.chanx.server.channel.ChannelRoute;
import dev.chanx.server.docs.ChannelFrames;
import dev.chanx.server.topic.TopicHandler;
import dev.chanx.server.topic.TopicRoute;
import dev.chanx.server.docs.RuntimeFrame;
import dev.chanx.server.layer.History;
import dev.chanx.core.message.Message;
import dev.chanx.server.telemetry.ChannelTelemetry;
import dev.chanx.server.telemetry.Telemetry;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * One channel served by this server: its route, the user's handler, its compiled address, its
 * own configuration and, once the server starts, its settings resolved against the server's.
 */
final class HostedChannel<H extends ChannelHandler<S, P>, C extends Message, S extends Message, P> {

  private final ChannelRoute<H, C, S, P> route;
  private final H handler;
  private final AddressTemplate template;
  private final String groupPrefix;
  private final PushDelivery<H, S, P> pushes;
  private final ChannelConfig<P> config;
  // How much of each group's frames are kept for recovery, or null.
  private final History recovery;
  private volatile ChannelSettings settings = ChannelSettings.DEFAULTS;
  // Made for the first socket, with the node's layer: null while no topic is mounted.
  private volatile TopicRouter topics;
  private volatile ChannelTelemetry telemetry = ChannelTelemetry.OFF;

  HostedChannel(ChannelRoute<H, C, S, P> route, H handler) {
    this(route, handler, new ChannelConfig<>());
  }

  HostedChannel(ChannelRoute<H, C, S, P> route, H handler, ChannelConfig<P> config) {
    this.route = route;
    this.handler = handler;
    this.config = config;
    this.template = AddressTemplate.compile(route.address());
    this.groupPrefix = groupPrefix(route.name());
    this.pushes = new PushDelivery<>(route.name(), route.events(), handler);
    this.recovery = config.recovery() != null ? config.recovery() : route.recovery();
    if (!template.names().equals(route.parameterNames())) {
      throw new IllegalArgumentException("channel " + route.name() + ": address " + route.address()
          + " has parameters " + template.names() + " but the route declares " + route.parameterNames());
    }
  }

  /** The layer's key prefix for this channel's groups; channel names cannot contain '/'. */
  static String groupPrefix(String channelName) {
    if (channelName.isEmpty() || channelName.indexOf('/') >= 0) {
      throw new IllegalArgumentException("not a valid channel name: " + channelName);
    }
    return channelName + "/";
  }

  String name() {
    return route.name();
  }

  /** Whether pushes to this channel pass through event transforms, so travel marked through the layer. */
  boolean transformsPushes() {
    return pushes.transforms();
  }

  /** How much of each group's frames are kept for recovery, or null when they are not. */
  History recovery() {
    return recovery;
  }

  AddressTemplate template() {
    return template;
  }

  /** Settles this channel's settings: the server's, with the channel's own on top. */
  void resolve(ChannelSettings server) {
    settings = config.resolve(server);
  }

  /** Takes what this channel tells the server's telemetry, when the server starts. */
  void watch(Telemetry server) {
    telemetry = server.channel(name(), route.address(), route.inboundOperations());
  }

  /** What this channel tells the server's telemetry ({@link ChannelTelemetry#OFF} until the server starts). */
  ChannelTelemetry telemetry() {
    return telemetry;
  }

  /** This channel's settings (the defaults until the server starts). */
  ChannelSettings settings() {
    return settings;
  }

  /** The frames the runtime itself may send on this channel, for the served document. */
  ChannelFrames runtimeFrames() {
    Set<RuntimeFrame> frames = EnumSet.of(RuntimeFrame.ERROR);
    if (settings.authenticationFrames() && authenticates()) {
      frames.add(RuntimeFrame.AUTHENTICATION);
    }
    if (settings.completionFrames()) {
      frames.addAll(EnumSet.of(RuntimeFrame.COMPLETE, RuntimeFrame.GROUP_COMPLETE, RuntimeFrame.EVENT_COMPLETE));
    }
    if (recovery != null) {
      frames.add(RuntimeFrame.RECOVERY);
    }
    return new ChannelFrames(name(), route.address(), frames);
  }

  /** {@return whether this channel serves a topic, mounted or on its own route} */
  boolean mounts(String topicName) {
    if (route instanceof TopicRoute<?, ?, ?, ?> topic) {
      return topic.topicName().equals(topicName);
    }
    return config.topics().stream().anyMatch(t -> t.route().topicName().equals(topicName));
  }

  /** The router of the topics mounted on this channel, or null when none is. */
  TopicRouter topicRouter(Node node) {
    TopicRouter router = topics;
    if (router == null && route instanceof TopicRoute<?, ?, ?, ?> topic) {
      // A topic served on its own route, as Chanx's Topic.as_consumer().
      router = new TopicRouter(List.of(standalone(topic, handler)), node, true);
      topics = router;
    } else if (router == null && !config.topics().isEmpty()) {
      router = new TopicRouter(config.topics(), node);
      topics = router;
    }
    return router;
  }

  @SuppressWarnings({"unchecked", "rawtypes"})
  private static HostedTopic<?, ?, ?, ?> standalone(TopicRoute topic, Object handler) {
    return HostedTopic.of(topic, (TopicHandler) handler);
  }

  /** Whether clients of this channel must pass an authenticator or an authorizer. */
  boolean authenticates() {
    return settings.authenticator() != null || config.authorizer() != null;
  }

  /**
   * Starts deciding an upgrade to this channel by converting its path parameters.
   *
   * @throws IllegalArgumentException when a parameter does not fit the route
   */
  Handshake handshake(Map<String, String> rawParameters) {
    return new Handshake(rawParameters, route.path(rawParameters));
  }

  /** One upgrade request to this channel, with its typed path, decided step by step. */
  final class Handshake {

    private final Map<String, String> rawParameters;
    private final P path;

    private Handshake(Map<String, String> rawParameters, P path) {
      this.rawParameters = rawParameters;
      this.path = path;
    }

    /**
     * Checks the upgrade's query against the channel's binding.
     *
     * @throws IllegalArgumentException when the query breaks the binding's schema
     */
    void checkQuery(Map<String, List<String>> query) {
      if (recovery != null && query.containsKey(RecoveryFrames.PARAMETER)) {
        List<String> positions = query.get(RecoveryFrames.PARAMETER);
        RecoveryQuery.parse(positions.isEmpty() ? java.util.Optional.empty() : java.util.Optional.of(positions.get(0)));
        // The runtime's own parameter: the binding's schema describes the application's.
        Map<String, List<String>> rest = new java.util.LinkedHashMap<>(query);
        rest.remove(RecoveryFrames.PARAMETER);
        route.checkQuery(rest);
        return;
      }
      route.checkQuery(query);
    }

    /** The channel's name, for logs. */
    String channel() {
      return name();
    }

    /** Runs the channel's authenticator and authorizer, if any; never throws. */
    AuthResult admit(UpgradeInfo upgrade) {
      if (!authenticates()) {
        return AuthResult.ANONYMOUS;
      }
      return Admission.decide(settings.authenticator(), config.authorizer(),
          new HandshakeRequest(name(), rawParameters, upgrade), path);
    }

    /** Whether the client learns how authentication went from an {@code authentication} frame, not an HTTP status. */
    boolean framesAuthentication() {
      return settings.authenticationFrames() && authenticates();
    }

    /** The socket's side of the server, for a client the admission let in (or, with frames, refused). */
    SocketEvents socket(UpgradeInfo upgrade, AuthResult admission, Node node, Guard guard) {
      ChannelSettings current = settings;
      ChannelTelemetry watch = telemetry;
      AuthResult frame = framesAuthentication() ? admission : null;
      ChanxConnection<S, P> connection = new ChanxConnection<>(node.ids.next(), node.groups(groupPrefix, recovery),
          path, upgrade);
      if (recovery != null) {
        connection.recoverable();
        if (recovery.direct()) {
          connection.stream(ConnectionStream.of(presented(connection)));
        }
      }
      connection.pushes((marked, replayed) -> pushes.deliver(connection, marked, replayed));
      connection.presence(node.presence);
      connection.admit(current, admission.principal().orElse(null));
      connection.watch(watch);
      FramePipeline<H, C, S, P> pipeline = new FramePipeline<>(route.dispatcher(), handler, guard, current,
          topicRouter(node), watch, node.tracesFrames);
      return new ChannelSocket<>(connection, handler, pipeline, node.connections, guard, frame);
    }

  }

  /** The positions a client presented, checked at the upgrade already; none when they are not readable. */
  private static Map<String, dev.chanx.server.layer.Position> presented(ChanxConnection<?, ?> connection) {
    try {
      return RecoveryQuery.parse(connection.queryParameter(RecoveryFrames.PARAMETER));
    } catch (IllegalArgumentException e) {
      return Map.of();
    }
  }
}
