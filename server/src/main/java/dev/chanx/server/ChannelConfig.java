package dev.chanx.server;

import java.util.Objects;

/**
 * What one channel does differently from the rest of the server, set where the channel is hosted:
 *
 * <pre>{@code
 * server.channel(ChatRoute.create(), new ChatRoom(), chat -> chat
 *     .authorize((user, path) -> ((User) user).rooms().contains(path.groupName()))
 *     .completionFrames(true));
 * }</pre>
 *
 * <p>Anything not set here follows the server's setting.
 *
 * @param <P> the channel's typed path parameters
 */
public final class ChannelConfig<P> {

  private Authenticator authenticator;
  private Authorizer<? super P> authorizer;
  private Boolean authenticationFrames;
  private Boolean completionFrames;
  private Boolean camelCase;

  ChannelConfig() {}

  /**
   * Authenticates this channel's clients with this authenticator instead of the server's.
   *
   * @param authenticator the authenticator for this channel
   * @return this configuration
   */
  public ChannelConfig<P> authenticate(Authenticator authenticator) {
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
    this.camelCase = enabled;
    return this;
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
}
