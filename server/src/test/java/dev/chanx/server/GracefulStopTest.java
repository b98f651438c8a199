package dev.chanx.server;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.chanx.server.testing.ChatRoom;
import dev.chanx.server.testing.RawWebSocket;
import dev.chanx.server.testing.TestClient;
import dev.chanx.server.testing.chat.ChatRoute;
import java.io.IOException;
import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/** stop() refuses new work, lets handlers in flight reply, then closes every socket with 1001. */
@Timeout(value = 60, unit = TimeUnit.SECONDS)
class GracefulStopTest {

  private final ChatRoom room = new ChatRoom();
  private ChanxServer server;

  @AfterEach
  void release() {
    room.gate.countDown();
    server.stop();
  }

  private void start(Duration stopTimeout) {
    server = ChanxServer.create(config -> config.host("127.0.0.1").port(0).stopTimeout(stopTimeout)
        .channel(ChatRoute.create(), room)).start();
  }

  @Test
  void handlerInFlightDuringStopGetsItsReplyOutBeforeThe1001Close() throws Exception {
    start(Duration.ofSeconds(20));
    int port = server.port();
    try (TestClient busy = TestClient.connect(port, "/ws/chat/stop/");
        TestClient idle = TestClient.connect(port, "/ws/chat/stop/")) {
      busy.send("{\"action\":\"slow\",\"payload\":\"last words\"}");
      assertEquals("last words", room.slowStarted.poll(10, TimeUnit.SECONDS));
      CompletableFuture<Void> stopping = CompletableFuture.runAsync(server::stop);
      assertTrue(server.guard().awaitStopping(Duration.ofSeconds(10)));

      // While the handler runs: no new sockets, and the open ones are still open.
      assertThrows(IOException.class, () -> RawWebSocket.connect(port, "/ws/chat/stop/", 0, null).close());
      assertTrue(!stopping.isDone());

      room.gate.countDown();
      busy.expect("{\"action\":\"echo\",\"payload\":\"last words\"}");
      assertEquals(1001, busy.closeCode());
      assertEquals(1001, idle.closeCode());
      stopping.get(10, TimeUnit.SECONDS);
    }
  }

  @Test
  void handlerPastTheStopTimeoutDoesNotKeepSocketsOpen() throws Exception {
    start(Duration.ofMillis(300));
    try (TestClient busy = TestClient.connect(server.port(), "/ws/chat/late/")) {
      busy.send("{\"action\":\"slow\",\"payload\":\"too late\"}");
      room.slowStarted.poll(10, TimeUnit.SECONDS);
      long started = System.nanoTime();
      server.stop();
      assertEquals(1001, busy.closeCode());
      long millis = TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - started);
      assertTrue(millis < 5_000, "stop took " + millis + " ms");
    }
  }

  @Test
  void stopWithNothingInFlightIsQuick() throws Exception {
    start(Duration.ofSeconds(20));
    try (TestClient client = TestClient.connect(server.port(), "/ws/chat/quick/")) {
      client.send("{\"action\":\"ping\"}").next();
      long started = System.nanoTime();
      server.stop();
      assertEquals(1001, client.closeCode());
      long millis = TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - started);
      assertTrue(millis < 3_000, "stop took " + millis + " ms");
    }
  }
}
