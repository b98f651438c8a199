package dev.chanx.redis;

import io.lettuce.core.pubsub.RedisPubSubAdapter;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** Receives what Redis pushes to this node and hands it on; nothing it does may throw into Lettuce. */
final class Inbox extends RedisPubSubAdapter<String, byte[]> {

  private static final Logger LOG = LoggerFactory.getLogger(Inbox.class);

  private final RedisNames names;
  private final RedisNode node;

  Inbox(RedisNames names, RedisNode node) {
    this.names = names;
    this.node = node;
  }

  @Override
  public void message(String channel, byte[] message) {
    try {
      String group = names.groupKey(channel);
      if (group != null) {
        node.received(group, GroupMessage.decode(message));
      } else if (names.isNode(channel)) {
        node.received(DirectMessage.decode(message));
      }
    } catch (RuntimeException e) {
      LOG.warn("Ignored a message on Redis channel {}: {}", channel, e.toString());
    }
  }
}
