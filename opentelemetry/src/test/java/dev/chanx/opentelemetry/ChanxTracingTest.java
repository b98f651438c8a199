package dev.chanx.opentelemetry;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.chanx.server.ChanxServer;
import dev.chanx.server.testing.ChatRoom;
import dev.chanx.server.testing.TestClient;
import dev.chanx.server.testing.chat.ChatRoute;
import io.opentelemetry.api.common.AttributeKey;
import io.opentelemetry.api.trace.SpanKind;
import io.opentelemetry.api.trace.StatusCode;
import io.opentelemetry.sdk.trace.data.SpanData;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/** The chat over real sockets, traced: the spans, their names, kinds, parents and attributes. */
@Timeout(value = 60, unit = TimeUnit.SECONDS)
class ChanxTracingTest {

  private static final String TRACE = "0af7651916cd43dd8448eb211c80319c";
  private static final String CLIENT_SPAN = "b7ad6b7169203331";
  private static final String TRACEPARENT = "00-" + TRACE + "-" + CLIENT_SPAN + "-01";
  private static final String PONG = "{\"action\":\"pong\",\"payload\":null}";

  private final Spans spans = new Spans();
  private final ChatRoom room = new ChatRoom();
  private ChanxServer server;
  private TestClient alice;

  @BeforeEach
  void start() throws Exception {
    server = ChanxServer.create(config -> config.host("127.0.0.1").port(0)
        .channel(ChatRoute.create(), room).telemetry(ChanxTracing.create(spans.openTelemetry))).start();
    alice = TestClient.connect(server.port(), "/ws/chat/room1/");
    room.connected.poll(10, TimeUnit.SECONDS);
  }

  @AfterEach
  void stop() {
    alice.close();
    server.stop();
  }

  @Test
  void aHandshakeIsAServerSpanWithItsStatus() throws Exception {
    SpanData handshake = spans.await("handshake chat");
    assertEquals(SpanKind.SERVER, handshake.getKind());
    assertEquals(101L, handshake.getAttributes().get(AttributeKey.longKey("http.response.status_code")));
    assertEquals(ChatRoute.create().address(),
        handshake.getAttributes().get(AttributeKey.stringKey("messaging.destination.template")));
  }

  @Test
  void aFrameIsAConsumerSpanNamedAfterChannelAndMessage() throws Exception {
    alice.send("{\"action\":\"ping\"}").expect(PONG);
    SpanData ping = spans.await("process chat ping");
    assertEquals(SpanKind.CONSUMER, ping.getKind());
    assertFalse(ping.getParentSpanContext().isValid());
    assertEquals("chanx", ping.getAttributes().get(AttributeKey.stringKey("messaging.system")));
    assertEquals("chat", ping.getAttributes().get(AttributeKey.stringKey("messaging.destination.name")));
    assertEquals("process", ping.getAttributes().get(AttributeKey.stringKey("messaging.operation.type")));
    assertEquals("ping", ping.getAttributes().get(AttributeKey.stringKey("chanx.message")));
    assertEquals("handle_ping", ping.getAttributes().get(AttributeKey.stringKey("chanx.operation")));
    assertEquals(17L, ping.getAttributes().get(AttributeKey.longKey("messaging.message.body.size")));
    assertNull(ping.getAttributes().get(AttributeKey.stringKey("error.type")));
  }

  @Test
  void aTraceparentOnTheFrameMakesItsSpanTheClientsChildOnEitherPath() throws Exception {
    // After the tag: read on the quick path; before it: on the tree path.
    for (String frame : List.of("{\"action\":\"ping\",\"traceparent\":\"" + TRACEPARENT + "\"}",
        "{\"traceparent\":\"" + TRACEPARENT + "\",\"action\":\"ping\"}")) {
      spans.clear();
      alice.send(frame).expect(PONG);
      SpanData ping = spans.await("process chat ping");
      assertEquals(TRACE, ping.getTraceId(), frame);
      assertEquals(CLIENT_SPAN, ping.getParentSpanContext().getSpanId(), frame);
      assertTrue(ping.getParentSpanContext().isRemote(), frame);
    }
  }

  @Test
  void aBroadcastIsAProducerSpanInTheTraceOfTheFrameThatMadeIt() throws Exception {
    try (TestClient bob = TestClient.connect(server.port(), "/ws/chat/room1/")) {
      room.connected.poll(10, TimeUnit.SECONDS);
      String hello = "{\"action\":\"new_chat_message\",\"payload\":{\"message\":\"hi\",\"name\":\"Alice\"},"
          + "\"traceparent\":\"" + TRACEPARENT + "\"}";
      alice.send(hello);
      assertTrue(bob.next().startsWith("{\"action\":\"new_chat_message\""));
    }
    SpanData frame = spans.await("process chat new_chat_message");
    SpanData publish = spans.await("publish chat");
    assertEquals(SpanKind.PRODUCER, publish.getKind());
    assertEquals(TRACE, publish.getTraceId());
    assertEquals(frame.getSpanId(), publish.getParentSpanId());
    assertEquals(1L, publish.getAttributes().get(AttributeKey.longKey("messaging.batch.message_count")));
  }

  @Test
  void anInvalidFrameSaysWhichRulesItBrokeAndAFailingHandlerIsAnError() throws Exception {
    alice.send("{\"action\":\"new_chat_message\"}");
    assertTrue(alice.next().contains("\"type\":\"missing\""));
    SpanData invalid = spans.await("process chat new_chat_message");
    assertEquals("invalid", invalid.getAttributes().get(AttributeKey.stringKey("error.type")));
    assertEquals(List.of("missing"), invalid.getAttributes().get(AttributeKey.stringArrayKey("chanx.validation.rules")));
    assertEquals(StatusCode.UNSET, invalid.getStatus().getStatusCode());

    alice.send("{\"action\":\"boom\"}");
    assertTrue(alice.next().contains("\"action\":\"error\""));
    SpanData boom = spans.await("process chat boom");
    assertEquals(StatusCode.ERROR, boom.getStatus().getStatusCode());
    assertEquals("java.lang.IllegalStateException", boom.getAttributes().get(AttributeKey.stringKey("error.type")));
    assertEquals(1, boom.getEvents().size());

    alice.send("not json");
    assertTrue(alice.next().contains("json_invalid"));
    SpanData unreadable = spans.await("process chat");
    assertEquals(List.of("not_json"), unreadable.getAttributes().get(AttributeKey.stringArrayKey("chanx.validation.rules")));
  }
}
