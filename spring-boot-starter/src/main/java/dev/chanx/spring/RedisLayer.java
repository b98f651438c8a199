package dev.chanx.spring;

import dev.chanx.server.layer.ChannelLayer;
import dev.chanx.server.presence.PresenceStore;

/**
 * The Redis channel layer and presence store from {@code chanx.redis.url}, in a class of its own
 * so chanx-redis stays optional.
 */
final class RedisLayer {

  private RedisLayer() {}

  static ChannelLayer create(String url, String namespace) {
    requireRedisModule();
    return dev.chanx.redis.RedisChannelLayer.create(url).namespace(namespace);
  }

  /** Presence on the same Redis, so a group's members are the same on every application. */
  static PresenceStore presence(String url, String namespace) {
    requireRedisModule();
    return dev.chanx.redis.RedisPresence.create(url).namespace(namespace);
  }

  private static void requireRedisModule() {
    try {
      Class.forName("dev.chanx.redis.RedisChannelLayer", false, RedisLayer.class.getClassLoader());
    } catch (ClassNotFoundException e) {
      throw new IllegalStateException("chanx.redis.url is set but chanx-redis is not on the classpath: add"
          + " dev.chanx:chanx-redis", e);
    }
  }
}
