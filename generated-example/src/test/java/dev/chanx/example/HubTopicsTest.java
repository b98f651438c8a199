package dev.chanx.example;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.chanx.redis.RedisChannelLayer;
import dev.chanx.redis.RedisForTests;
import dev.chanx.server.ChanxServer;
import dev.chanx.server.testing.TestClient;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/** The example hub's room topics over real sockets: several topics on one socket, isolation, validation, Redis. */
@Timeout(60)
class HubTopicsTest {

  private static final ObjectMapper JSON = new ObjectMapper();
  private static final Duration QUIET = Duration.ofMillis(300);
  private static ChanxServer server;

  @BeforeAll
  static void start() {
    server = ChatServer.create(0).start();
  }

  @AfterAll
  static void stop() {
    server.stop();
  }

  private static String subscribe(String topic, String ref) {
    return "{\"version\":1,\"topic\":\"" + topic + "\",\"ref\":\"" + ref + "\",\"action\":\"subscribe\"}";
  }

  private static String say(String topic, String message) {
    return "{\"version\":1,\"topic\":\"" + topic + "\",\"action\":\"new_chat_message\",\"payload\":{\"message\":\""
        + message + "\",\"name\":\"Alice\"}}";
  }

  private static JsonNode next(TestClient socket) throws Exception {
    return JSON.readTree(socket.next());
  }

  @Test
  void threeTopicsOnOneSocketStayApart() throws Exception {
    try (TestClient alice = TestClient.connect(server.port(), "/ws/hub/");
        TestClient bob = TestClient.connect(server.port(), "/ws/hub/")) {
      for (String room : new String[] {"a", "b", "c"}) {
        alice.send(subscribe("room:" + room, room));
        assertEquals("subscribed", next(alice).get("action").asText());
      }
      bob.send(subscribe("room:b", "1"));
      assertEquals("subscribed", next(bob).get("action").asText());
      for (String room : new String[] {"a", "b", "c"}) {
        alice.send(say("room:" + room, "to " + room));
        // The sender is a subscriber too, so it gets its own message, on that topic.
        JsonNode echoed = next(alice);
        assertEquals("room:" + room, echoed.get("topic").asText());
        assertEquals("to " + room, echoed.get("payload").get("message").asText());
      }
      JsonNode heard = next(bob);
      assertEquals("room:b", heard.get("topic").asText());
      assertEquals("to b", heard.get("payload").get("message").asText());
      bob.assertNothingWithin(QUIET);
    }
  }

  @Test
  void aTopicMessageIsValidatedAgainstTheTopicsOwnSchemas() throws Exception {
    try (TestClient alice = TestClient.connect(server.port(), "/ws/hub/")) {
      alice.send(subscribe("room:v", "1"));
      next(alice);
      alice.send("{\"topic\":\"room:v\",\"ref\":\"2\",\"action\":\"new_chat_message\",\"payload\":{\"message\":\"x\"}}");
      assertEquals(JSON.readTree("{\"action\":\"error\",\"payload\":[{\"type\":\"missing\",\"loc\":[\"new_chat_message\","
          + "\"payload\",\"name\"],\"msg\":\"Field required\"}],\"version\":1,\"topic\":\"room:v\",\"ref\":\"2\"}"), next(alice));
      // An action of the hub's own, not of the topic, is not the topic's.
      alice.send("{\"topic\":\"room:v\",\"action\":\"nope\"}");
      assertEquals("union_tag_invalid", next(alice).get("payload").get(0).get("type").asText());
    }
  }

  @Test
  void theRoomTopicCrossesNodesOverRedis() throws Exception {
    String redis = RedisForTests.uri();
    ChanxServer a = ChatServer.create(config -> config.port(0).layer(RedisChannelLayer.create(redis))).start();
    ChanxServer b = ChatServer.create(config -> config.port(0).layer(RedisChannelLayer.create(redis))).start();
    String topic = "room:across-" + System.nanoTime();
    try (TestClient alice = TestClient.connect(a.port(), "/ws/hub/");
        TestClient bob = TestClient.connect(b.port(), "/ws/hub/");
        TestClient carol = TestClient.connect(b.port(), "/ws/hub/")) {
      alice.send(subscribe(topic, "1"));
      bob.send(subscribe(topic, "1"));
      carol.send(subscribe(topic + "-other", "1"));
      for (TestClient socket : new TestClient[] {alice, bob, carol}) {
        assertEquals("subscribed", next(socket).get("action").asText());
      }
      alice.send(say(topic, "hi from A"));
      assertEquals("hi from A", next(alice).get("payload").get("message").asText());
      JsonNode heard = next(bob);
      assertEquals(topic, heard.get("topic").asText());
      assertEquals("hi from A", heard.get("payload").get("message").asText());
      carol.assertNothingWithin(QUIET);
    } finally {
      a.stop();
      b.stop();
    }
  }

  @Test
  void aSocketToldSubscribedGetsWhatAnotherNodePublishesNext() throws Exception {
    // Each topic is new to Bob's node when he subscribes, and that node is far from Redis: its
    // "subscribed" must wait for the SUBSCRIBE, or Alice's message, sent through the near node
    // the moment Bob hears it, reaches Redis first and is lost.
    String prefix = "room:fresh-" + System.nanoTime() + "-";
    try (NearAndFarNodes nodes = NearAndFarNodes.start(Duration.ofMillis(50));
        TestClient alice = TestClient.connect(nodes.near().port(), "/ws/hub/");
        TestClient bob = TestClient.connect(nodes.far().port(), "/ws/hub/")) {
      for (int i = 0; i < 10; i++) {
        alice.send(subscribe(prefix + i, "a" + i));
        assertEquals("subscribed", next(alice).get("action").asText());
      }
      for (int i = 0; i < 10; i++) {
        bob.send(subscribe(prefix + i, "b" + i));
        assertEquals("subscribed", next(bob).get("action").asText());
        alice.send(say(prefix + i, "number " + i));
        assertEquals("number " + i, next(alice).get("payload").get("message").asText());
        JsonNode heard = next(bob);
        assertEquals(prefix + i, heard.get("topic").asText());
        assertEquals("number " + i, heard.get("payload").get("message").asText());
      }
    }
  }

  @Test
  void theServedDocumentKeepsXTopicAndTheDocsPageShowsIt() throws Exception {
    HttpClient http = HttpClient.newHttpClient();
    String base = "http://127.0.0.1:" + server.port();
    JsonNode document = JSON.readTree(http.send(HttpRequest.newBuilder(URI.create(base + "/asyncapi/schema/")).build(),
        HttpResponse.BodyHandlers.ofString()).body());
    assertEquals(JSON.readTree("{\"name\":\"room\",\"pattern\":\"room:{room_name}\",\"parameters\":[\"room_name\"]}"),
        document.path("channels").path("room").path("x-topic"));
    String page = http.send(HttpRequest.newBuilder(URI.create(base + "/asyncapi/docs/")).build(),
        HttpResponse.BodyHandlers.ofString()).body();
    assertTrue(page.contains("Topic <code>room:{room_name}</code> (room)"), page);
  }

  @Test
  void aClosedSocketLeavesItsTopics() throws Exception {
    try (TestClient bob = TestClient.connect(server.port(), "/ws/hub/")) {
      try (TestClient alice = TestClient.connect(server.port(), "/ws/hub/")) {
        alice.send(subscribe("room:left", "1"));
        next(alice);
      }
      bob.send(subscribe("room:left", "1"));
      next(bob);
      bob.send(say("room:left", "anyone?"));
      assertEquals("anyone?", next(bob).get("payload").get("message").asText());
      bob.assertNothingWithin(QUIET);
    }
  }
}
