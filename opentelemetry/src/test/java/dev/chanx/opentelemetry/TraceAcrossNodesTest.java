package dev.chanx.opentelemetry;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.chanx.redis.RedisChannelLayer;
import dev.chanx.redis.RedisForTests;
import dev.chanx.server.ChanxServer;
import dev.chanx.server.testing.ChatRoom;
import dev.chanx.server.testing.Poll;
import dev.chanx.server.testing.TestClient;
import dev.chanx.server.testing.chat.ChatRoute;
import io.opentelemetry.api.common.AttributeKey;
import io.opentelemetry.api.trace.SpanKind;
import io.opentelemetry.sdk.trace.data.SpanData;
import java.time.Duration;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * Two nodes on a real Redis, each with its own tracer provider: a message sent on node A and
 * delivered on node B is one trace, from the client's traceparent to B's delivery.
 */
@Timeout(value = 60, unit = TimeUnit.SECONDS)
@ExtendWith(RedisForTests.Needed.class)
class TraceAcrossNodesTest {

  private static final String TRACE = "4bf92f3577b34da6a3ce929d0e0e4736";
  private static final String TRACEPARENT = "00-" + TRACE + "-00f067aa0ba902b7-01";

  private final String namespace = RedisForTests.freshNamespace();
  private final Spans spansOnA = new Spans();
  private final Spans spansOnB = new Spans();
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

  private ChanxServer node(Spans spans, ChatRoom room) {
    return node(spans, room, false);
  }

  private ChanxServer node(Spans spans, ChatRoom room, boolean recoverable) {
    RedisChannelLayer layer = RedisChannelLayer.create(RedisForTests.uri()).namespace(namespace);
    return ChanxServer.create(config -> config.host("127.0.0.1").port(0).layer(layer)
        .channel(ChatRoute.create(), room, chat -> {
          if (recoverable) {
            chat.recovery(Duration.ofMinutes(2), 100);
          }
        }).telemetry(ChanxTracing.create(spans.openTelemetry))).start();
  }

  @Test
  void aBroadcastPublishedOnOneNodeAndDeliveredOnAnotherIsOneTrace() throws Exception {
    a = node(spansOnA, roomOnA);
    b = node(spansOnB, roomOnB);
    try (TestClient alice = TestClient.connect(a.port(), "/ws/chat/across/");
        TestClient bob = TestClient.connect(b.port(), "/ws/chat/across/")) {
      roomOnA.connected.poll(10, TimeUnit.SECONDS);
      roomOnB.connected.poll(10, TimeUnit.SECONDS);
      RedisChannelLayer layerOnB = (RedisChannelLayer) b.layer();
      Poll.until(Duration.ofSeconds(10), "node B subscribed", () -> layerOnB.subscribedGroups().contains("chat/across"));
      alice.send("{\"action\":\"new_chat_message\",\"payload\":{\"message\":\"hi\",\"name\":\"Alice\"},"
          + "\"traceparent\":\"" + TRACEPARENT + "\"}");
      assertTrue(bob.next().startsWith("{\"action\":\"new_chat_message\""));
    }
    SpanData frame = spansOnA.await("process chat new_chat_message");
    SpanData publish = spansOnA.await("publish chat");
    SpanData receive = spansOnB.await("receive chat");
    assertEquals(TRACE, frame.getTraceId());
    assertEquals(TRACE, publish.getTraceId());
    assertEquals(TRACE, receive.getTraceId());
    assertEquals(frame.getSpanId(), publish.getParentSpanId());
    assertEquals(publish.getSpanId(), receive.getParentSpanId());
    assertTrue(receive.getParentSpanContext().isRemote());
    assertEquals(SpanKind.CONSUMER, receive.getKind());
    assertEquals(1L, receive.getAttributes().get(AttributeKey.longKey("messaging.batch.message_count")));
    assertTrue(receive.getAttributes().get(AttributeKey.longKey("chanx.layer.lag_ms")) >= 0);
    // Alice's node has no other member in the room: the publish reached nobody there.
    assertEquals(0L, publish.getAttributes().get(AttributeKey.longKey("messaging.batch.message_count")));
  }

  @Test
  void aRecoverableBroadcastCarriesItsTraceThroughTheRedisScript() throws Exception {
    // Recoverable sends are published by a Lua script in Redis, not by the node: the send's
    // trace context and time must ride in what the script publishes.
    a = node(spansOnA, roomOnA, true);
    b = node(spansOnB, roomOnB, true);
    try (TestClient alice = TestClient.connect(a.port(), "/ws/chat/kept/");
        TestClient bob = TestClient.connect(b.port(), "/ws/chat/kept/")) {
      roomOnA.connected.poll(10, TimeUnit.SECONDS);
      roomOnB.connected.poll(10, TimeUnit.SECONDS);
      // A client of a recoverable channel is first told where its groups' histories stand.
      assertTrue(alice.next().startsWith("{\"action\":\"recovery\""));
      assertTrue(bob.next().startsWith("{\"action\":\"recovery\""));
      RedisChannelLayer layerOnB = (RedisChannelLayer) b.layer();
      Poll.until(Duration.ofSeconds(10), "node B subscribed", () -> layerOnB.subscribedGroups().contains("chat/kept"));
      alice.send("{\"action\":\"new_chat_message\",\"payload\":{\"message\":\"hi\",\"name\":\"Alice\"},"
          + "\"traceparent\":\"" + TRACEPARENT + "\"}");
      String delivered = bob.next();
      assertTrue(delivered.startsWith("{\"action\":\"new_chat_message\""), delivered);
      assertTrue(delivered.contains("\"pos\":{\"kept\":"), delivered);
    }
    SpanData publish = spansOnA.await("publish chat");
    SpanData receive = spansOnB.await("receive chat");
    assertEquals(TRACE, publish.getTraceId());
    assertEquals(TRACE, receive.getTraceId());
    assertEquals(publish.getSpanId(), receive.getParentSpanId());
    assertTrue(receive.getParentSpanContext().isRemote());
    assertEquals(1L, receive.getAttributes().get(AttributeKey.longKey("messaging.batch.message_count")));
    Long lag = receive.getAttributes().get(AttributeKey.longKey("chanx.layer.lag_ms"));
    assertTrue(lag != null && lag >= 0 && lag < 10_000, "lag " + lag);
  }
}
