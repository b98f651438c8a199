package dev.chanx.example;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.chanx.redis.RedisChannelLayer;
import dev.chanx.redis.RedisForTests;
import dev.chanx.server.ChanxServer;
import dev.chanx.server.testing.TestClient;
import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/** Two example servers on one Redis, as the README's "Two nodes on Redis" runs them. */
@Timeout(60)
class ChatAcrossNodesTest {

  @Test
  void aMessageCrossesNodesAndSkipsOnlyItsSender() throws Exception {
    String redis = RedisForTests.uri();
    ChanxServer a = ChatServer.create(config -> config.port(0).layer(RedisChannelLayer.create(redis))).start();
    ChanxServer b = ChatServer.create(config -> config.port(0).layer(RedisChannelLayer.create(redis))).start();
    String room = "/ws/chat/across-" + System.nanoTime() + "/";
    try (TestClient alice = TestClient.connect(a.port(), room);
        TestClient bob = TestClient.connect(b.port(), room);
        TestClient carol = TestClient.connect(a.port(), "/ws/chat/elsewhere-" + System.nanoTime() + "/")) {
      for (TestClient socket : new TestClient[] {alice, bob, carol}) {
        socket.send("{\"action\":\"ping\"}");
        assertEquals("{\"action\":\"pong\",\"payload\":null}", socket.next());
      }
      String hello = "{\"action\":\"new_chat_message\",\"payload\":{\"message\":\"hi from A\",\"name\":\"Alice\"}}";
      alice.send(hello);
      assertEquals(hello, bob.next());
      String reply = "{\"action\":\"new_chat_message\",\"payload\":{\"message\":\"hi from B\",\"name\":\"Bob\"}}";
      bob.send(reply);
      assertEquals(reply, alice.next());
      alice.assertNothingWithin(Duration.ofMillis(300));
      bob.assertNothingWithin(Duration.ofMillis(300));
      carol.assertNothingWithin(Duration.ofMillis(300));
    } finally {
      a.stop();
      b.stop();
    }
  }

  @Test
  void aSocketAnsweredOnceGetsWhatAnotherNodeSendsNext() throws Exception {
    // Bob's node is far from Redis: the answer to his first frame must wait until his join in
    // onConnect has reached Redis, or Alice's message, sent the moment he has it, is lost.
    String prefix = "/ws/chat/far-" + System.nanoTime() + "-";
    try (NearAndFarNodes nodes = NearAndFarNodes.start(Duration.ofMillis(50))) {
      for (int i = 0; i < 5; i++) {
        try (TestClient alice = TestClient.connect(nodes.near().port(), prefix + i + "/");
            TestClient bob = TestClient.connect(nodes.far().port(), prefix + i + "/")) {
          bob.send("{\"action\":\"ping\"}");
          assertEquals("{\"action\":\"pong\",\"payload\":null}", bob.next());
          String hello = "{\"action\":\"new_chat_message\",\"payload\":{\"message\":\"hi " + i
              + "\",\"name\":\"Alice\"}}";
          alice.send(hello);
          assertEquals(hello, bob.next());
        }
      }
    }
  }
}
