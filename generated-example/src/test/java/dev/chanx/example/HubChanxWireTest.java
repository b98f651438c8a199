package dev.chanx.example;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.chanx.server.ChanxServer;
import dev.chanx.server.testing.TestClient;
import java.time.Duration;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/**
 * Drives the example hub with the wire frames of Chanx 2.10's own topic tests, copied as data:
 * huynguyengl99/chanx {@code tests/ext/fast_channels/test_topic.py} and {@code
 * tests/ext/channels/test_topic.py} (v2.10.0), and the wire sample of {@code
 * docs/user-guide/topics.rst}. Their topics are renamed to the hub's: {@code discussion:5} is
 * {@code room:lobby}, and the refused {@code private:secret} is {@code room:private-secret}. As in
 * those tests, a frame is compared as a JSON object, whatever the order of its keys.
 */
@Timeout(60)
class HubChanxWireTest {

  private static final ObjectMapper JSON = new ObjectMapper();
  private static ChanxServer server;

  @BeforeAll
  static void start() {
    server = ChatServer.create(0).start();
  }

  @AfterAll
  static void stop() {
    server.stop();
  }

  private static JsonNode send(TestClient socket, String frame) throws Exception {
    socket.send(frame);
    return JSON.readTree(socket.next());
  }

  private static JsonNode json(String text) throws Exception {
    return JSON.readTree(text);
  }

  // test_subscribe_confirms_with_the_ref: the reply dict, exactly.
  @Test
  void subscribeConfirmsWithTheRef() throws Exception {
    try (TestClient socket = TestClient.connect(server.port(), "/ws/hub/")) {
      assertEquals(json("{\"action\":\"subscribed\",\"payload\":null,\"version\":1,\"topic\":\"room:lobby\",\"ref\":\"1\"}"),
          send(socket, "{\"topic\": \"room:lobby\", \"ref\": \"1\", \"action\": \"subscribe\"}"));
    }
  }

  // topics.rst: the client writes version 1 on every frame; the reply carries the request's ref.
  @Test
  void aTopicMessageIsAnsweredOnItsTopicWithItsRef() throws Exception {
    try (TestClient socket = TestClient.connect(server.port(), "/ws/hub/")) {
      send(socket, "{\"version\": 1, \"topic\": \"room:lobby\", \"ref\": \"1\", \"action\": \"subscribe\"}");
      assertEquals(json("{\"action\":\"pong\",\"payload\":null,\"version\":1,\"topic\":\"room:lobby\",\"ref\":\"2\"}"),
          send(socket, "{\"version\": 1, \"topic\": \"room:lobby\", \"ref\": \"2\", \"action\": \"ping\"}"));
    }
  }

  // test_authorize_denies_per_topic (both files): error, on the topic, with the ref and reason unauthorized.
  @Test
  void authorizeDeniesPerTopic() throws Exception {
    try (TestClient socket = TestClient.connect(server.port(), "/ws/hub/")) {
      JsonNode denied = send(socket, "{\"topic\": \"room:private-secret\", \"ref\": \"1\", \"action\": \"subscribe\"}");
      assertEquals("error", denied.get("action").asText());
      assertEquals("room:private-secret", denied.get("topic").asText());
      assertEquals("1", denied.get("ref").asText());
      assertEquals("unauthorized", denied.get("payload").get("reason").asText());
      JsonNode allowed = send(socket, "{\"topic\": \"room:open\", \"ref\": \"2\", \"action\": \"subscribe\"}");
      assertEquals("subscribed", allowed.get("action").asText());
    }
  }

  // test_unknown_topic_and_unsubscribed_topic_report_errors, test_unknown_topic_reports_a_reason.
  @Test
  void unknownAndUnsubscribedTopicsReportTheirReasons() throws Exception {
    try (TestClient socket = TestClient.connect(server.port(), "/ws/hub/")) {
      JsonNode unknown = send(socket, "{\"topic\": \"nope:1\", \"ref\": \"1\", \"action\": \"subscribe\"}");
      assertEquals("error", unknown.get("action").asText());
      assertEquals("unknown_topic", unknown.get("payload").get("reason").asText());
      JsonNode notSubscribed = send(socket, "{\"topic\": \"room:lobby\", \"ref\": \"2\", \"action\": \"ping\"}");
      assertEquals("error", notSubscribed.get("action").asText());
      assertEquals("not_subscribed", notSubscribed.get("payload").get("reason").asText());
      JsonNode leaveUnjoined = send(socket, "{\"topic\": \"room:lobby\", \"ref\": \"3\", \"action\": \"unsubscribe\"}");
      assertEquals("not_subscribed", leaveUnjoined.get("payload").get("reason").asText());
    }
  }

  // test_untopiced_frame_falls_through_to_the_consumer: pong, and no topic on it.
  @Test
  void aFrameWithoutATopicFallsThroughToTheChannel() throws Exception {
    try (TestClient socket = TestClient.connect(server.port(), "/ws/hub/")) {
      JsonNode reply = send(socket, "{\"action\": \"ping\", \"payload\": null}");
      assertEquals("pong", reply.get("action").asText());
      assertFalse(reply.has("topic"));
    }
  }

  // test_unsubscribe_stops_group_delivery / test_unsubscribe_stops_delivery.
  @Test
  void unsubscribeConfirmsAndStopsDelivery() throws Exception {
    try (TestClient socket = TestClient.connect(server.port(), "/ws/hub/");
        TestClient other = TestClient.connect(server.port(), "/ws/hub/")) {
      send(socket, "{\"topic\": \"room:quiet\", \"ref\": \"1\", \"action\": \"subscribe\"}");
      send(other, "{\"topic\": \"room:quiet\", \"ref\": \"1\", \"action\": \"subscribe\"}");
      assertEquals(json("{\"action\":\"unsubscribed\",\"payload\":null,\"version\":1,\"topic\":\"room:quiet\",\"ref\":\"2\"}"),
          send(socket, "{\"topic\": \"room:quiet\", \"ref\": \"2\", \"action\": \"unsubscribe\"}"));
      other.send("{\"topic\":\"room:quiet\",\"action\":\"new_chat_message\",\"payload\":{\"message\":\"gone\",\"name\":\"Bob\"}}");
      assertEquals("gone", JSON.readTree(other.next()).get("payload").get("message").asText());
      socket.assertNothingWithin(Duration.ofMillis(300));
    }
  }

  // test_group_event_routes_to_its_topic / test_broadcast_seq_reaches_the_client: topic stamped, no ref, seq when given.
  @Test
  void aBroadcastCarriesItsTopicAndSeqButNoRef() throws Exception {
    try (TestClient socket = TestClient.connect(server.port(), "/ws/hub/")) {
      send(socket, "{\"topic\": \"room:news\", \"ref\": \"1\", \"action\": \"subscribe\"}");
      dev.chanx.example.room.RoomTopic room = dev.chanx.example.room.RoomTopic.of(server);
      room.broadcast(new dev.chanx.example.room.RoomParams("news"), new dev.chanx.example.room.PongMessage(), 142);
      JsonNode pushed = JSON.readTree(socket.next());
      assertEquals(json("{\"action\":\"pong\",\"payload\":null,\"version\":1,\"topic\":\"room:news\",\"seq\":142}"), pushed);
      room.broadcast(new dev.chanx.example.room.RoomParams("news"), new dev.chanx.example.room.PongMessage());
      assertFalse(JSON.readTree(socket.next()).has("seq"));
    }
  }
}
