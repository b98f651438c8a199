package dev.chanx.redis;

import java.util.UUID;

/** The Redis the tests share: {@code CHANX_REDIS_URL}, which CI makes sure answers. */
final class RedisForTests {

  /** The shared Redis's URI. */
  static final String URI = System.getenv().getOrDefault("CHANX_REDIS_URL", "redis://127.0.0.1:6379");

  private RedisForTests() {}

  /** A namespace no other test run uses, so runs sharing one Redis cannot see each other. */
  static String freshNamespace() {
    return "chanx-test-" + UUID.randomUUID().toString().substring(0, 8);
  }
}
