package dev.chanx.micrometer;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.chanx.server.ChanxServer;
import dev.chanx.server.testing.ChatRoom;
import dev.chanx.server.testing.RawHttp;
import dev.chanx.server.testing.TestClient;
import dev.chanx.server.testing.chat.ChatRoute;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/** The chat driven over real sockets: every series the metrics make, with its tags, and their counts. */
@Timeout(value = 60, unit = TimeUnit.SECONDS)
class ChanxMetricsChatTest {

  private static final String HELLO =
      "{\"action\":\"new_chat_message\",\"payload\":{\"message\":\"Hello\",\"name\":\"Alice\"}}";

  private final SimpleMeterRegistry registry = new SimpleMeterRegistry();
  private final ChatRoom room = new ChatRoom();
  private final ChanxServer server = ChanxServer.create(config -> config.host("127.0.0.1").port(0)
      .channel(ChatRoute.create(), room).telemetry(ChanxMetrics.create(registry))).start();

  @AfterEach
  void stop() {
    server.stop();
  }

  @Test
  void aChatSessionMakesExactlyTheseSeries() throws Exception {
    try (TestClient alice = join("room1"); TestClient bob = join("room1")) {
      alice.send(HELLO);
      bob.expect(HELLO);
      alice.send("{\"action\":\"ping\"}").expect("{\"action\":\"pong\",\"payload\":null}");
      alice.send("{\"action\":\"new_chat_message\"}");
      assertTrue(alice.next().contains("\"type\":\"missing\""));
      alice.send("hello");
      assertTrue(alice.next().contains("json_invalid"));
      alice.send("{\"action\":\"boom\"}");
      assertTrue(alice.next().contains("\"action\":\"error\""));
    }
    room.disconnected.poll(10, TimeUnit.SECONDS);
    room.disconnected.poll(10, TimeUnit.SECONDS);
    assertEquals(426, RawHttp.get(server.port(), "/ws/chat/room1/").status());
    // The handshake is recorded once its answer is written, so the client may read it first.
    awaitCounter("chanx.handshakes", "status", "426");

    Set<String> expected = new TreeSet<>(Set.of(
        "chanx.broadcast.duration{tag(channel=chat),tag(origin=local)}",
        "chanx.broadcast.recipients{tag(channel=chat),tag(origin=local)}",
        "chanx.connections.closed{tag(channel=chat),tag(code=1000)}",
        "chanx.connections.open{tag(channel=chat)}",
        "chanx.connections.opened{tag(channel=chat)}",
        "chanx.frames.sent{tag(channel=chat)}",
        "chanx.frames.sent.bytes{tag(channel=chat)}",
        "chanx.handshake.duration{tag(channel=chat),tag(status=101)}",
        "chanx.handshake.duration{tag(channel=chat),tag(status=426)}",
        "chanx.handshakes{tag(channel=chat),tag(status=101)}",
        "chanx.handshakes{tag(channel=chat),tag(status=426)}",
        "chanx.outbox.bytes{tag(channel=chat)}",
        "chanx.outbox.frames{tag(channel=chat)}",
        "chanx.ready{}",
        "chanx.slow.consumers{tag(channel=chat)}",
        "chanx.validation.failures{tag(channel=chat),tag(message=new_chat_message),"
            + "tag(operation=handle_new_chat_message),tag(rule=missing)}",
        "chanx.validation.failures{tag(channel=chat),tag(message=unknown),tag(operation=unknown),tag(rule=not_json)}"));
    // Each message with the operation the generated route ties it to; a frame naming none has neither.
    String[][] messages = {{"new_chat_message", "handle_new_chat_message"}, {"ping", "handle_ping"},
        {"boom", "handle_boom"}, {"unknown", "unknown"}};
    for (String[] message : messages) {
      String tags = "tag(channel=chat),tag(message=" + message[0] + "),tag(operation=" + message[1] + ")";
      expected.add("chanx.frames.received.bytes{" + tags + "}");
      for (String outcome : new String[] {"ok", "invalid", "handler_error"}) {
        expected.add("chanx.frames.received{" + tags + ",tag(outcome=" + outcome + ")}");
      }
      for (String outcome : new String[] {"ok", "handler_error"}) {
        expected.add("chanx.handler.duration{" + tags + ",tag(outcome=" + outcome + ")}");
      }
    }
    assertEquals(expected, Series.of(registry));

    assertEquals(1, count("chanx.frames.received", "new_chat_message", "ok"));
    assertEquals(1, count("chanx.frames.received", "new_chat_message", "invalid"));
    assertEquals(1, count("chanx.frames.received", "ping", "ok"));
    assertEquals(1, registry.get("chanx.frames.received").tags("operation", "handle_ping").counter().count());
    assertEquals(1, count("chanx.frames.received", "boom", "handler_error"));
    assertEquals(1, count("chanx.frames.received", "unknown", "invalid"));
    assertEquals(2, registry.get("chanx.handshakes").tag("status", "101").counter().count());
    assertEquals(2, registry.get("chanx.connections.opened").counter().count());
    assertEquals(0, registry.get("chanx.connections.open").gauge().value());
    // To Bob: the broadcast; to Alice: pong and three error frames.
    assertEquals(5, registry.get("chanx.frames.sent").functionCounter().count());
    assertEquals(1, registry.get("chanx.broadcast.recipients").summary().count());
    assertEquals(1, registry.get("chanx.broadcast.recipients").summary().totalAmount());
    assertEquals(HELLO.length(),
        registry.get("chanx.frames.received.bytes").tag("message", "new_chat_message").counter().count()
            - "{\"action\":\"new_chat_message\"}".length());
    assertEquals(1, registry.get("chanx.ready").gauge().value());
    // Every frame was written: nothing waits in the chat's outgoing queues.
    assertEquals(0, registry.get("chanx.outbox.frames").tag("channel", "chat").gauge().value());
  }

  private void awaitCounter(String name, String tag, String value) throws InterruptedException {
    long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(10);
    while (registry.find(name).tag(tag, value).counter() == null && System.nanoTime() < deadline) {
      Thread.sleep(10);
    }
  }

  private double count(String name, String message, String outcome) {
    return registry.get(name).tags("message", message, "outcome", outcome).counter().count();
  }

  private TestClient join(String group) throws Exception {
    TestClient client = TestClient.connect(server.port(), "/ws/chat/" + group + "/");
    room.connected.poll(10, TimeUnit.SECONDS);
    return client;
  }
}
