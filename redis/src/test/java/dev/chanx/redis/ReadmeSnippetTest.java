package dev.chanx.redis;

import dev.chanx.server.ChanxServer;
import dev.chanx.server.testing.ChatRoom;
import dev.chanx.server.testing.TestClient;
import dev.chanx.server.testing.chat.ChatRoute;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/** The README's "Two nodes on Redis" snippet, compiled and run (on port 0 and the test Redis). */
@Timeout(value = 30, unit = TimeUnit.SECONDS)
class ReadmeSnippetTest {

  @Test
  void theSnippetServesTheChat() throws Exception {
    // tag::layer[]
    ChanxServer server = ChanxServer.create(config -> {
      config.port(0);
      config.layer(RedisChannelLayer.create(RedisForTests.uri()));  // or .create(aLettuceRedisClient)
      config.channel(ChatRoute.create(), new ChatRoom());
    }).start();
    // end::layer[]
    try (TestClient client = TestClient.connect(server.port(), "/ws/chat/room1/")) {
      client.send("{\"action\":\"ping\"}").expect("{\"action\":\"pong\",\"payload\":null}");
    } finally {
      server.stop();
    }
  }
}
