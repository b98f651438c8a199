package dev.chanx.server;

/**
 * How one hosted channel behaves, resolved when the server starts from the server's settings and
 * the channel's own; also the server-wide defaults themselves.
 *
 * @param authenticator who may connect, or null for anyone
 * @param authenticationFrames accept first and answer with an {@code authentication} frame (Chanx's way), instead of refusing the upgrade
 * @param completionFrames send {@code complete}, {@code group_complete} and {@code event_complete}
 * @param camelCase camelCase keys on the wire, snake_case in the document and the code
 * @param logContents log every frame's text (INFO, logger {@code dev.chanx.server.frames})
 */
record ChannelSettings(Authenticator authenticator, boolean authenticationFrames, boolean completionFrames,
    boolean camelCase, boolean logContents) {

  /** Nothing enabled: anyone connects, no extra frames, keys as written. */
  static final ChannelSettings DEFAULTS = new ChannelSettings(null, false, false, false, false);

  ChannelSettings withAuthenticator(Authenticator value) {
    return new ChannelSettings(value, authenticationFrames, completionFrames, camelCase, logContents);
  }

  ChannelSettings withAuthenticationFrames(boolean value) {
    return new ChannelSettings(authenticator, value, completionFrames, camelCase, logContents);
  }

  ChannelSettings withCompletionFrames(boolean value) {
    return new ChannelSettings(authenticator, authenticationFrames, value, camelCase, logContents);
  }

  ChannelSettings withCamelCase(boolean value) {
    return new ChannelSettings(authenticator, authenticationFrames, completionFrames, value, logContents);
  }

  ChannelSettings withLogContents(boolean value) {
    return new ChannelSettings(authenticator, authenticationFrames, completionFrames, camelCase, value);
  }
}
