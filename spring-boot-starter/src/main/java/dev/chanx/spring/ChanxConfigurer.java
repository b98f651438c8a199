package dev.chanx.spring;

import dev.chanx.server.ServerConfig;

/**
 * A bean that adds to what the {@code chanx.*} properties configure, for what properties cannot
 * say: an authenticator, a channel with its own configuration, a channel layer of your making.
 * Every such bean is applied, in order, after the handler beans are registered and the
 * properties applied.
 */
@FunctionalInterface
public interface ChanxConfigurer {

  /**
   * Configures the channels further.
   *
   * @param config the configuration, as inside {@code ChanxServer.create(config -> ...)}
   */
  void configure(ServerConfig config);
}
