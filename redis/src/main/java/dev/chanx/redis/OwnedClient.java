package dev.chanx.redis;

import io.lettuce.core.ClientOptions;
import io.lettuce.core.RedisClient;
import io.lettuce.core.RedisURI;
import io.lettuce.core.SocketOptions;
import io.lettuce.core.TimeoutOptions;
import io.lettuce.core.resource.ClientResources;
import io.lettuce.core.resource.DefaultClientResources;
import io.lettuce.core.resource.Delay;
import java.time.Duration;
import java.util.concurrent.TimeUnit;

/** A Lettuce client the layer creates from a URI, and therefore configures and shuts down. */
final class OwnedClient {

  private final ClientResources resources;
  private final RedisClient client;

  OwnedClient(RedisURI uri, int requestQueueSize) {
    // Retry every second at worst (Lettuce's default backs off to 30 s), so a restarted Redis is found quickly.
    resources = DefaultClientResources.builder()
        .reconnectDelay(Delay.exponential(Duration.ofMillis(10), Duration.ofSeconds(1), 2, TimeUnit.MILLISECONDS))
        .build();
    client = RedisClient.create(resources, uri);
    client.setOptions(ClientOptions.builder()
        .autoReconnect(true)
        // While Redis is down a command fails at once instead of piling up in memory.
        .disconnectedBehavior(ClientOptions.DisconnectedBehavior.REJECT_COMMANDS)
        .requestQueueSize(requestQueueSize)
        .socketOptions(SocketOptions.builder().connectTimeout(Duration.ofSeconds(5)).keepAlive(true).build())
        .timeoutOptions(TimeoutOptions.enabled(Duration.ofSeconds(5)))
        .build());
  }

  RedisClient client() {
    return client;
  }

  void shutdown() {
    try {
      client.shutdown(0, 2, TimeUnit.SECONDS);
    } finally {
      resources.shutdown(0, 2, TimeUnit.SECONDS);
    }
  }
}
