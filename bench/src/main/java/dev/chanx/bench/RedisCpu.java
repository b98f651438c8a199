package dev.chanx.bench;

import io.lettuce.core.RedisClient;
import io.lettuce.core.api.StatefulRedisConnection;

/** Reads redis-server's CPU time (INFO cpu), to show what the Redis hop costs. */
final class RedisCpu implements AutoCloseable {

  private final RedisClient client;
  private final StatefulRedisConnection<String, String> connection;

  RedisCpu(String uri) {
    client = RedisClient.create(uri);
    connection = client.connect();
  }

  /** User plus system CPU seconds of redis-server since it started. */
  double seconds() {
    double total = 0;
    for (String line : connection.sync().info("cpu").split("\r?\n")) {
      if (line.startsWith("used_cpu_user:") || line.startsWith("used_cpu_sys:")) {
        total += Double.parseDouble(line.substring(line.indexOf(':') + 1).trim());
      }
    }
    return total;
  }

  @Override
  public void close() {
    connection.close();
    client.shutdown();
  }
}
