package dev.chanx.redis;

import io.lettuce.core.RedisClient;
import io.lettuce.core.api.StatefulRedisConnection;

/** Asks a Redis what it knows, the way an operator would with redis-cli. */
final class RedisAdmin implements AutoCloseable {

  private final RedisClient client;
  private final StatefulRedisConnection<String, String> connection;

  RedisAdmin(String uri) {
    client = RedisClient.create(uri);
    connection = client.connect();
  }

  /** How many connections are subscribed to a channel (PUBSUB NUMSUB). */
  long subscribers(String channel) {
    return connection.sync().pubsubNumsub(channel).getOrDefault(channel, 0L);
  }

  @Override
  public void close() {
    connection.close();
    client.shutdown();
  }
}
