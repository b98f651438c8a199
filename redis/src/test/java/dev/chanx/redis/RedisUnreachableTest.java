package dev.chanx.redis;

import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.chanx.server.ChanxServer;
import dev.chanx.server.testing.ChatRoom;
import dev.chanx.server.testing.chat.ChatRoute;
import java.net.ServerSocket;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/** A node whose Redis does not answer refuses to start, saying why, rather than serving alone. */
@Timeout(value = 30, unit = TimeUnit.SECONDS)
class RedisUnreachableTest {

  @Test
  void aServerWhoseRedisDoesNotAnswerFailsToStart() throws Exception {
    int port;
    try (ServerSocket probe = new ServerSocket(0)) {
      port = probe.getLocalPort();
    }
    ChanxServer server = ChanxServer.create(config -> config.host("127.0.0.1").port(0)
        .layer(RedisChannelLayer.create("redis://127.0.0.1:" + port))
        .channel(ChatRoute.create(), new ChatRoom()));
    IllegalStateException refused = assertThrows(IllegalStateException.class, server::start);
    assertTrue(refused.getMessage().startsWith("cannot start the Redis channel layer: "), refused.getMessage());
  }

  @Test
  void aUriThatIsNotOneIsRefusedAtOnce() {
    assertThrows(IllegalArgumentException.class, () -> RedisChannelLayer.create("not a uri"));
    assertThrows(IllegalArgumentException.class, () -> RedisChannelLayer.create("redis://x").namespace("a:b"));
  }
}
