package dev.chanx.server;

import dev.chanx.server.testing.ChatRoom;
import dev.chanx.server.testing.TestClient;
import dev.chanx.server.testing.chat.ChatRoute;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/** Frames of one connection are answered in order; a slow handler stalls only its own connection. */
@Timeout(value = 60, unit = TimeUnit.SECONDS)
class ChanxServerOrderingTest {

  private static final String PONG = "{\"action\":\"pong\",\"payload\":null}";

  private final ChatRoom room = new ChatRoom();
  private ChanxServer server;

  @BeforeEach
  void start() {
    server = ChanxServer.create(config -> config.host("127.0.0.1").port(0).channel(ChatRoute.create(), room)).start();
  }

  @AfterEach
  void stop() {
    room.gate.countDown();
    server.stop();
  }

  @Test
  void slowHandlerOnOneConnectionDoesNotDelayAnothersPong() throws Exception {
    try (TestClient slow = TestClient.connect(server.port(), "/ws/chat/a/");
        TestClient quick = TestClient.connect(server.port(), "/ws/chat/b/")) {
      slow.send("{\"action\":\"slow\",\"payload\":\"first\"}");
      // The slow handler waits for the gate, which only opens once the other connection got its pong.
      quick.send("{\"action\":\"ping\"}").expect(PONG);
      room.gate.countDown();
      slow.expect("{\"action\":\"echo\",\"payload\":\"first\"}");
    }
  }

  @Test
  void repliesOnOneConnectionKeepTheOrderOfItsFrames() throws Exception {
    try (TestClient client = TestClient.connect(server.port(), "/ws/chat/c/")) {
      client.send("{\"action\":\"slow\",\"payload\":\"1\"}");
      client.send("{\"action\":\"ping\"}");
      client.send("{\"action\":\"slow\",\"payload\":\"2\"}");
      for (int i = 0; i < 50; i++) {
        client.send("{\"action\":\"ping\",\"ref\":" + i + "}");
      }
      room.gate.countDown();
      client.expect("{\"action\":\"echo\",\"payload\":\"1\"}");
      client.expect(PONG);
      client.expect("{\"action\":\"echo\",\"payload\":\"2\"}");
      for (int i = 0; i < 50; i++) {
        client.expect("{\"action\":\"pong\",\"payload\":null,\"ref\":" + i + "}");
      }
    }
  }
}
