package dev.chanx.server;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.chanx.server.testing.ChatRoom;
import dev.chanx.server.testing.ForwardingLayer;
import dev.chanx.server.testing.TestClient;
import dev.chanx.server.testing.chat.ChatRoute;
import dev.chanx.server.testing.chat.PongMessage;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/**
 * What a socket is sent waits for its joins to take effect in the layer, over real sockets, on a
 * server whose handlers run on the I/O threads: the other sockets are served meanwhile.
 */
@Timeout(value = 60, unit = TimeUnit.SECONDS)
class JoinGateTest {

  private static final String PING = "{\"action\":\"ping\"}";
  private static final String PONG = "{\"action\":\"pong\",\"payload\":null}";

  /** The in-memory layer, whose joins to groups named {@code held*} complete when the test says. */
  private static final class ConfirmingLayer extends ForwardingLayer {
    final Map<String, CompletableFuture<Void>> confirmations = new ConcurrentHashMap<>();

    @Override
    public CompletableFuture<Void> groupAdd(String group, String id) {
      CompletableFuture<Void> joined = super.groupAdd(group, id);
      return group.contains("/held") ? confirmations.computeIfAbsent(group, g -> new CompletableFuture<>()) : joined;
    }
  }

  private static ChanxServer start(ConfirmingLayer layer) {
    return start(layer, new ChatRoom());
  }

  private static ChanxServer start(ConfirmingLayer layer, ChatRoom room) {
    return ChanxServer.create(config -> config.host("127.0.0.1").port(0).layer(layer).nonBlockingHandlers(true)
        .channel(ChatRoute.create(), room)).start();
  }

  @Test
  void theReplyWaitsForTheJoinWhileOtherSocketsAreServed() throws Exception {
    ConfirmingLayer layer = new ConfirmingLayer();
    ChanxServer server = start(layer);
    try (TestClient alice = TestClient.connect(server.port(), "/ws/chat/held-1/")) {
      alice.send(PING);
      alice.assertNothingWithin(Duration.ofMillis(300));
      // Every I/O thread is free: sockets that share Alice's get their answers at once.
      for (int i = 0; i < 6; i++) {
        try (TestClient other = TestClient.connect(server.port(), "/ws/chat/free-" + i + "/")) {
          other.send(PING);
          assertEquals(PONG, other.poll(Duration.ofSeconds(1)), "socket " + i + " was not served");
        }
      }
      // A frame sent to the group meanwhile waits in order behind the reply held before it.
      try (TestClient bob = TestClient.connect(server.port(), "/ws/chat/held-1/")) {
        String hello = "{\"action\":\"new_chat_message\",\"payload\":{\"message\":\"hi\",\"name\":\"Bob\"}}";
        bob.send(hello);
        alice.assertNothingWithin(Duration.ofMillis(200));
        layer.confirmations.get("chat/held-1").complete(null);
        assertEquals(PONG, alice.next());
        assertEquals(hello, alice.next());
      }
    } finally {
      server.stop();
    }
  }

  @Test
  void aCloseLetsTheHeldFramesOutFirst() throws Exception {
    ChatRoom room = new ChatRoom();
    ChanxServer server = start(new ConfirmingLayer(), room);
    try (TestClient alice = TestClient.connect(server.port(), "/ws/chat/held-closing/")) {
      var connection = room.connected.poll(10, TimeUnit.SECONDS);
      connection.send(new PongMessage());
      alice.assertNothingWithin(Duration.ofMillis(300));
      connection.close(4000, "Bye");
      assertEquals(PONG, alice.next());
      assertEquals(4000, alice.closeCode());
    } finally {
      server.stop();
    }
  }

  @Test
  void aJoinTheLayerNeverConfirmsHoldsFramesForTwoSecondsAtMost() throws Exception {
    ChanxServer server = start(new ConfirmingLayer());
    try (TestClient alice = TestClient.connect(server.port(), "/ws/chat/held-never/")) {
      alice.send(PING);
      alice.assertNothingWithin(Duration.ofMillis(500));
      // Let out once the limit has passed: delayed, not lost; and the gate stays open after.
      assertEquals(PONG, alice.next());
      alice.send(PING);
      assertEquals(PONG, alice.poll(Duration.ofSeconds(1)));
    } finally {
      server.stop();
    }
  }
}
