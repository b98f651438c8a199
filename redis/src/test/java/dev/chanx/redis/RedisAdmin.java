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

  /** Adds an entry to a stream with the given id (XADD), as a node's append would. */
  void xadd(String stream, String id, java.util.Map<String, String> fields) {
    connection.sync().xadd(stream, new io.lettuce.core.XAddArgs().id(id), fields);
  }

  /** A field of a hash (HGET), or null. */
  String hget(String key, String field) {
    return connection.sync().hget(key, field);
  }

  /** The ids and fields of a stream's entries, oldest first (XRANGE - +). */
  java.util.List<io.lettuce.core.StreamMessage<String, String>> xrange(String stream) {
    return connection.sync().xrange(stream, io.lettuce.core.Range.create("-", "+"));
  }

  @Override
  public void close() {
    connection.close();
    client.shutdown();
  }
}
