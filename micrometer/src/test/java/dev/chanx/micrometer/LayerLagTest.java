package dev.chanx.micrometer;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.chanx.redis.RedisChannelLayer;
import dev.chanx.redis.RedisForTests;
import dev.chanx.server.ChanxServer;
import dev.chanx.server.testing.ChatRoom;
import dev.chanx.server.testing.Poll;
import dev.chanx.server.testing.TestClient;
import dev.chanx.server.testing.chat.ChatRoute;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.time.Duration;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.extension.ExtendWith;

/** Two nodes on a real Redis: the receiving node measures the layer's lag and its own fan-out. */
@Timeout(value = 60, unit = TimeUnit.SECONDS)
@ExtendWith(RedisForTests.Needed.class)
class LayerLagTest {

  private final String namespace = RedisForTests.freshNamespace();
  private final SimpleMeterRegistry onA = new SimpleMeterRegistry();
  private final SimpleMeterRegistry onB = new SimpleMeterRegistry();
  private final ChatRoom roomOnA = new ChatRoom();
  private final ChatRoom roomOnB = new ChatRoom();
  private ChanxServer a;
  private ChanxServer b;

  @AfterEach
  void stop() {
    if (a != null) {
      a.stop();
    }
    if (b != null) {
      b.stop();
    }
  }

  private ChanxServer node(SimpleMeterRegistry registry, ChatRoom room) {
    RedisChannelLayer layer = RedisChannelLayer.create(RedisForTests.uri()).namespace(namespace);
    return ChanxServer.create(config -> config.host("127.0.0.1").port(0).layer(layer)
        .channel(ChatRoute.create(), room).telemetry(ChanxMetrics.create(registry))).start();
  }

  @Test
  void theReceivingNodeMeasuresLagAndFanout() throws Exception {
    a = node(onA, roomOnA);
    b = node(onB, roomOnB);
    try (TestClient alice = TestClient.connect(a.port(), "/ws/chat/lag/");
        TestClient bob = TestClient.connect(b.port(), "/ws/chat/lag/");
        TestClient carol = TestClient.connect(b.port(), "/ws/chat/lag/")) {
      roomOnA.connected.poll(10, TimeUnit.SECONDS);
      roomOnB.connected.poll(10, TimeUnit.SECONDS);
      roomOnB.connected.poll(10, TimeUnit.SECONDS);
      RedisChannelLayer layerOnB = (RedisChannelLayer) b.layer();
      Poll.until(Duration.ofSeconds(10), "node B subscribed", () -> layerOnB.subscribedGroups().contains("chat/lag"));
      String hello = "{\"action\":\"new_chat_message\",\"payload\":{\"message\":\"hi\",\"name\":\"Alice\"}}";
      alice.send(hello);
      bob.expect(hello);
      carol.expect(hello);
    }
    assertEquals(1, onB.get("chanx.layer.lag").tag("channel", "chat").timer().count());
    assertTrue(onB.get("chanx.layer.lag").timer().max(TimeUnit.SECONDS) < 10);
    assertEquals(2, onB.get("chanx.broadcast.recipients").tags("channel", "chat", "origin", "remote").summary()
        .totalAmount());
    assertEquals(0, onA.get("chanx.broadcast.recipients").tags("channel", "chat", "origin", "local").summary()
        .totalAmount());
    assertEquals(1, onA.get("chanx.broadcast.recipients").tags("channel", "chat", "origin", "local").summary()
        .count());
    assertEquals(1, onA.get("chanx.ready").gauge().value());
  }
}
