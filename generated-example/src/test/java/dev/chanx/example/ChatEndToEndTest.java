package dev.chanx.example;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.chanx.server.layer.InMemoryChannelLayer;
import dev.chanx.server.testing.Poll;
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

/** The generated chat, hosted by the runtime, driven over real sockets on loopback. */
@Timeout(60)
class ChatEndToEndTest {

  private static final Duration QUIET = Duration.ofMillis(300);
  private static TutorialServer server;

  @BeforeAll
  static void start() {
    server = TutorialServer.start(0);
  }

  @AfterAll
  static void stop() {
    server.stop();
  }

  @Test
  void aMessageReachesTheRestOfItsRoomOnly() throws Exception {
    try (TestClient alice = TestClient.connect(server.port(), "/ws/chat/room1/");
        TestClient bob = TestClient.connect(server.port(), "/ws/chat/room1/");
        TestClient carol = TestClient.connect(server.port(), "/ws/chat/room2/")) {
      awaitJoined(alice, bob, carol);
      String frame = "{\"action\":\"new_chat_message\",\"payload\":{\"message\":\"Hello everyone!\",\"name\":\"Alice\"}}";
      alice.send(frame);
      assertEquals(frame, bob.next());
      alice.assertNothingWithin(QUIET);
      carol.assertNothingWithin(QUIET);
    }
  }

  @Test
  void pingGetsPong() throws Exception {
    try (TestClient alice = TestClient.connect(server.port(), "/ws/chat/room1/")) {
      alice.send("{\"action\":\"ping\"}");
      assertEquals("{\"action\":\"pong\",\"payload\":null}", alice.next());
    }
  }

  @Test
  void errorsComeBackInChanxShapesAndTheSocketStaysOpen() throws Exception {
    try (TestClient alice = TestClient.connect(server.port(), "/ws/chat/room1/")) {
      alice.send("{\"action\":\"nonexistent_action\"}");
      assertEquals("{\"action\":\"error\",\"payload\":[{\"type\":\"union_tag_invalid\",\"loc\":[],\"msg\":\"Input tag "
          + "'nonexistent_action' found using 'action' does not match any of the expected tags: "
          + "'new_chat_message', 'ping'\"}]}", alice.next());
      alice.send("{\"payload\":{}}");
      assertEquals("{\"action\":\"error\",\"payload\":[{\"type\":\"union_tag_not_found\",\"loc\":[],"
          + "\"msg\":\"Unable to extract tag using discriminator 'action'\"}]}", alice.next());
      alice.send("{\"action\":\"new_chat_message\",\"payload\":{\"message\":\"hi\"}}");
      assertEquals("{\"action\":\"error\",\"payload\":[{\"type\":\"missing\",\"loc\":[\"new_chat_message\","
          + "\"payload\",\"name\"],\"msg\":\"Field required\"}]}", alice.next());
      alice.send("{\"action\":\"new_chat_message\",\"payload\":\"hi\"}");
      assertEquals("{\"action\":\"error\",\"payload\":[{\"type\":\"model_type\",\"loc\":[\"new_chat_message\","
          + "\"payload\"],\"msg\":\"Input should be a valid dictionary or instance of ChatMessagePayload\"}]}",
          alice.next());
      alice.send("{\"action\":\"ping\",\"payload\":{\"x\":1}}");
      assertEquals("{\"action\":\"error\",\"payload\":[{\"type\":\"none_required\",\"loc\":[\"ping\",\"payload\"],"
          + "\"msg\":\"Input should be None\"}]}", alice.next());
      alice.send("not json");
      assertTrue(alice.next().startsWith("{\"action\":\"error\",\"payload\":[{\"type\":\"json_invalid\",\"loc\":[],"
          + "\"msg\":\"Invalid JSON: "));
      alice.send("{\"action\":\"ping\"}");
      assertEquals("{\"action\":\"pong\",\"payload\":null}", alice.next());
    }
  }

  @Test
  void framesAreAnsweredAlikeWhicheverPathReadsThem() throws Exception {
    try (TestClient alice = TestClient.connect(server.port(), "/ws/chat/room1/")) {
      String pong = "{\"action\":\"pong\",\"payload\":null,\"ref\":%s}";
      // The quick path: the discriminator first, a ref before or after it.
      alice.send("{\"action\":\"ping\",\"ref\":\"r1\"}");
      assertEquals(pong.formatted("\"r1\""), alice.next());
      alice.send("{\"ref\":2,\"action\":\"ping\",\"payload\":null}");
      assertEquals(pong.formatted("2"), alice.next());
      // The tree path: the discriminator last, an undeclared key, an escape.
      alice.send("{\"payload\":null,\"ref\":{\"n\":3},\"action\":\"ping\"}");
      assertEquals(pong.formatted("{\"n\":3}"), alice.next());
      alice.send("{\"action\":\"ping\",\"extra\":1,\"ref\":4}");
      assertEquals(pong.formatted("4"), alice.next());
      alice.send("{\"action\":\"p\\u0069ng\",\"ref\":5}");
      assertEquals(pong.formatted("5"), alice.next());
      // A key twice is refused whichever path sees it first.
      alice.send("{\"action\":\"ping\",\"action\":\"ping\"}");
      assertTrue(alice.next().startsWith("{\"action\":\"error\",\"payload\":[{\"type\":\"json_invalid\","));
      alice.send("{\"action\":\"new_chat_message\",\"payload\":{\"message\":\"a\",\"message\":\"b\",\"name\":\"n\"}}");
      assertTrue(alice.next().startsWith("{\"action\":\"error\",\"payload\":[{\"type\":\"json_invalid\","));
      // Trailing tokens too.
      alice.send("{\"action\":\"ping\"} {}");
      assertTrue(alice.next().startsWith("{\"action\":\"error\",\"payload\":[{\"type\":\"json_invalid\","));
    }
  }

  @Test
  void allErrorsOfAFrameAreReportedTogether() throws Exception {
    try (TestClient alice = TestClient.connect(server.port(), "/ws/chat/room1/")) {
      alice.send("{\"action\":\"new_chat_message\",\"payload\":{\"message\":5}}");
      assertEquals("{\"action\":\"error\",\"payload\":["
          + "{\"type\":\"string_type\",\"loc\":[\"new_chat_message\",\"payload\",\"message\"],"
          + "\"msg\":\"Input should be a valid string\"},"
          + "{\"type\":\"missing\",\"loc\":[\"new_chat_message\",\"payload\",\"name\"],\"msg\":\"Field required\"}]}",
          alice.next());
    }
  }

  @Test
  void aClosedConnectionLeavesItsRoom() throws Exception {
    InMemoryChannelLayer layer = (InMemoryChannelLayer) server.layer();
    try (TestClient stays = TestClient.connect(server.port(), "/ws/chat/leaving/")) {
      TestClient leaves = TestClient.connect(server.port(), "/ws/chat/leaving/");
      awaitJoined(stays, leaves);
      assertEquals(2, layer.members("chat/leaving").size());
      leaves.close();
      Poll.until(Duration.ofSeconds(5), "one member left in chat/leaving",
          () -> layer.members("chat/leaving").size() == 1);
    }
  }

  @Test
  void theDocumentAndItsDocsPageAreServed() throws Exception {
    HttpResponse<String> json = get("/asyncapi/schema/");
    assertEquals(200, json.statusCode());
    assertTrue(json.body().contains("\"ws/chat/{group_name}/\""), json.body());
    // The three documents, merged into one: every hosted channel is described.
    assertTrue(json.body().contains("\"title\" : \"Chanx tutorial\""), json.body());
    assertTrue(json.body().contains("\"ws/assistants/\"") && json.body().contains("\"ws/system/\""), json.body());
    HttpResponse<String> yaml = get("/asyncapi/schema/?format=yaml");
    assertEquals(200, yaml.statusCode());
    assertTrue(yaml.body().contains("asyncapi:"), yaml.body());
    HttpResponse<String> docs = get("/asyncapi/docs/");
    assertEquals(200, docs.statusCode());
    assertTrue(docs.body().contains("new_chat_message"), docs.body());
    assertTrue(docs.body().contains("handle_job_result") && docs.body().contains("streaming_start"), docs.body());
  }

  @Test
  void theChatPageIsServed() throws Exception {
    HttpResponse<String> page = get("/chat/");
    assertEquals(200, page.statusCode());
    assertTrue(page.body().contains("<title>Chanx chat</title>"));
  }

  @Test
  void anUnknownPathIsNotFoundAndNotUpgraded() throws Exception {
    HttpResponse<String> response = HttpClient.newHttpClient().send(
        HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + server.port() + "/ws/nowhere/"))
            .header("Sec-WebSocket-Version", "13")
            .header("Sec-WebSocket-Key", "dGhlIHNhbXBsZSBub25jZQ==")
            .build(),
        HttpResponse.BodyHandlers.ofString());
    assertEquals(404, response.statusCode());
  }

  /** Pings each socket: the pong proves the server has run onConnect, so the room is joined. */
  private static void awaitJoined(TestClient... sockets) throws Exception {
    for (TestClient socket : sockets) {
      socket.send("{\"action\":\"ping\"}");
      assertEquals("{\"action\":\"pong\",\"payload\":null}", socket.next());
    }
  }

  private static HttpResponse<String> get(String path) throws Exception {
    return HttpClient.newHttpClient().send(
        HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + server.port() + path)).build(),
        HttpResponse.BodyHandlers.ofString());
  }
}
