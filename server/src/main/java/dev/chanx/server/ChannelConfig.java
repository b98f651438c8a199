package dev.chanx.server;

import dev.chanx.core.message.Message;
import dev.chanx.server.topic.TopicHandler;
import dev.chanx.server.topic.TopicRoute;
import java.util.ArrayList;
import java.util.List;

import dev.chanx.server.layer.History;
import java.time.Duration;
import java.util.Objects;

/**
 * What one channel does differently from the rest of the server, set where the channel is hosted:
 *
 * <pre>{@code
 * config.channel(ChatRoute.create(), new ChatRoom(), chat -> {
 *   chat.authorize((user, path) -> ((User) user).rooms().contains(path.groupName()));
 *   chat.completionFrames(true);
 * });
 * }</pre>
 *
 * <p>Anything not set here follows the server's setting. Once the lambda returns the
 * configuration is closed, and later calls fail.
 *
 * @param <P> the channel's typed path parameters
 */
public final class ChannelConfig<P> {

  private Authenticator authenticator;
  private Authorizer<? super P> authorizer;
  private Boolean authenticationFrames;
  private Boolean completionFrames;
  private Boolean camelCase;
  private final List<HostedTopic<?, ?, ?, ?>> topics = new ArrayList<>();
  private History recovery;
  private boolean closed;

  ChannelConfig() {}

  /**
   * Authenticates this channel's clients with this authenticator instead of the server's.
   *
   * @param authenticator the authenticator for this channel
   * @return this configuration
   */
  public ChannelConfig<P> authenticate(Authenticator authenticator) {
    checkOpen();
    this.authenticator = Objects.requireNonNull(authenticator, "authenticator");
    return this;
  }

  /**
   * Lets a client in only if this check, given its principal and the address's path parameters, allows it; otherwise 403.
   *
   * @param authorizer the check, given the principal and the path parameters
   * @return this configuration
   */
  public ChannelConfig<P> authorize(Authorizer<? super P> authorizer) {
    checkOpen();
    this.authorizer = Objects.requireNonNull(authorizer, "authorizer");
    return this;
  }

  /**
   * Whether to accept first and answer with an {@code authentication} frame (Chanx's way) rather than refuse the upgrade.
   *
   * @param enabled true to turn it on
   * @return this configuration
   */
  public ChannelConfig<P> authenticationFrames(boolean enabled) {
    checkOpen();
    this.authenticationFrames = enabled;
    return this;
  }

  /**
   * Whether to send {@code complete}, {@code group_complete} and {@code event_complete} frames on this channel.
   *
   * @param enabled true to turn it on
   * @return this configuration
   */
  public ChannelConfig<P> completionFrames(boolean enabled) {
    checkOpen();
    this.completionFrames = enabled;
    return this;
  }

  /**
   * Whether this channel's clients write and read camelCase keys.
   *
   * @param enabled true to turn it on
   * @return this configuration
   */
  public ChannelConfig<P> camelCase(boolean enabled) {
    checkOpen();
    this.camelCase = enabled;
    return this;
  }

  /**
   * Mounts a topic on this channel: frames that name a topic matching its pattern are served by
   * its handler, as Chanx 2.10's {@code topics = [RoomTopic]} does.
   *
   * @param <H> the topic's handler interface
   * @param <S> what the server may send on the topic
   * @param <T> the topic's typed parameters
   * @param route the topic's generated route, such as {@code RoomRoute.create()}
   * @param handler the topic's handler
   * @return this configuration
   * @throws IllegalArgumentException when a topic of that name or pattern is mounted already
   */
  public <H extends TopicHandler<S, T>, S extends Message, T> ChannelConfig<P> topic(
      TopicRoute<H, ?, S, T> route, H handler) {
    checkOpen();
    Objects.requireNonNull(route, "route");
    Objects.requireNonNull(handler, "handler");
    for (HostedTopic<?, ?, ?, ?> mounted : topics) {
      if (mounted.route().topicName().equals(route.topicName()) || mounted.route().pattern().equals(route.pattern())) {
        throw new IllegalArgumentException("topic " + route.topicName() + " (" + route.pattern()
            + ") is mounted already on this channel");
      }
    }
    topics.add(HostedTopic.of(route, handler));
    return this;
  }

  /** The topics mounted, in the order they were. */
  List<HostedTopic<?, ?, ?, ?>> topics() {
    return topics;
  }

  /**
   * Makes this channel's group sends recoverable: the layer keeps each group's frames younger than
   * {@code window}, at most {@code size} of them, and each carries its position; a client that
   * reconnects presenting its last positions gets what it missed, or is told why it cannot (see
   * the wire protocol's recovery section). Overrides the document's {@code x-chanx.recovery}.
   *
   * @param window how long a frame stays recoverable, such as {@code Duration.ofMinutes(2)}
   * @param size how many frames each group keeps at most, such as 1000
   * @return this configuration
   * @throws IllegalArgumentException when the window is not positive or the size not within 1 to 1,000,000
   */
  public ChannelConfig<P> recovery(Duration window, int size) {
    return recovery(window, size, false);
  }

  /**
   * As {@link #recovery(Duration, int)}; with {@code direct}, the frames sent to one connection
   * ({@code connection.send}) are recoverable too: each connection has a stream of its own, which
   * its client resumes when it reconnects (see the wire protocol's recovery section).
   *
   * @param window how long a frame stays recoverable, such as {@code Duration.ofMinutes(2)}
   * @param size how many frames each group, and each connection's stream, keeps at most
   * @param direct whether the frames sent to one connection are recoverable too
   * @return this configuration
   * @throws IllegalArgumentException when the window is not positive or the size not within 1 to 1,000,000
   */
  public ChannelConfig<P> recovery(Duration window, int size, boolean direct) {
    checkOpen();
    this.recovery = new History(window, size, direct);
    return this;
  }

  /** The recovery set here, or null. */
  History recovery() {
    return recovery;
  }

  /** Ends configuring: the channel has taken what this holds. */
  void close() {
    closed = true;
  }

  /** The per-connection permission check, or null. */
  Authorizer<? super P> authorizer() {
    return authorizer;
  }

  /** The server's settings with this channel's on top. */
  ChannelSettings resolve(ChannelSettings server) {
    ChannelSettings settings = server;
    if (authenticator != null) {
      settings = settings.withAuthenticator(authenticator);
    }
    if (authenticationFrames != null) {
      settings = settings.withAuthenticationFrames(authenticationFrames);
    }
    if (completionFrames != null) {
      settings = settings.withCompletionFrames(completionFrames);
    }
    if (camelCase != null) {
      settings = settings.withCamelCase(camelCase);
    }
    return settings;
  }

  private void checkOpen() {
    if (closed) {
      throw new IllegalStateException(
          "the channel is configured: configure it inside config.channel(route, handler, channel -> ...)");
    }
  }
}
