package dev.chanx.spring;

import dev.chanx.server.layer.ChannelLayer;

/** The Redis channel layer from {@code chanx.redis.url}, in a class of its own so chanx-redis stays optional. */
final class RedisLayer {

  private RedisLayer() {}

  static ChannelLayer create(String url, String namespace) {
    try {
      Class.forName("dev.chanx.redis.RedisChannelLayer", false, RedisLayer.class.getClassLoader());
    } catch (ClassNotFoundException e) {
      throw new IllegalStateException("chanx.redis.url is set but chanx-redis is not on the classpath: add"
          + " dev.chanx:chanx-redis", e);
    }
    return dev.chanx.redis.RedisChannelLayer.create(url).namespace(namespace);
  }
}
