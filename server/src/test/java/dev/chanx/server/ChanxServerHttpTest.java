package dev.chanx.server;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.chanx.server.testing.ChatRoom;
import dev.chanx.server.testing.ChatRoutes;
import dev.chanx.server.testing.RawHttp;
import dev.chanx.server.testing.RawHttp.Answer;
import dev.chanx.server.testing.TestClient;
import dev.chanx.server.testing.chat.ChatRoute;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/** Everything that is not a chat frame: routing, refusals, static files, the AsyncAPI document. */
@Timeout(value = 60, unit = TimeUnit.SECONDS)
class ChanxServerHttpTest {

  private static final String UPGRADE = "Upgrade: websocket";
  private static final String[] HANDSHAKE = {UPGRADE, "Connection: Upgrade", "Sec-WebSocket-Version: 13",
      "Sec-WebSocket-Key: dGhlIHNhbXBsZSBub25jZQ=="};
  private static final HttpClient HTTP = HttpClient.newHttpClient();
  private static ChanxServer server;

  @BeforeAll
  static void start() {
    server = ChanxServer.create(config -> config.host("127.0.0.1").port(0)
        .channel(ChatRoutes.at("chat", "ws/chat/{group_name}/"), new ChatRoom())
        .staticResources("/chat/", "public/chat")
        .asyncApi("tutorial.asyncapi.yaml"))
        .start();
  }

  @AfterAll
  static void stop() {
    server.stop();
  }

  private static HttpResponse<String> get(String path) throws Exception {
    return HTTP.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + server.port() + path)).build(),
        HttpResponse.BodyHandlers.ofString());
  }

  @Test
  void channelPathUpgradesWithOrWithoutTheTrailingSlash() throws Exception {
    for (String path : new String[] {"/ws/chat/room1/", "/ws/chat/room1", "/ws/chat/room%20one/"}) {
      try (TestClient client = TestClient.connect(server.port(), path)) {
        client.send("{\"action\":\"ping\"}").expect("{\"action\":\"pong\",\"payload\":null}");
      }
    }
  }

  @Test
  void unknownPathGets404WithoutUpgrading() throws Exception {
    Answer answer = RawHttp.get(server.port(), "/ws/nowhere/", HANDSHAKE);
    assertEquals(404, answer.status());
    assertFalse(answer.headers().contains("Sec-WebSocket-Accept"));
  }

  @Test
  void parameterThatDoesNotFitGets404WithoutUpgrading() throws Exception {
    Answer answer = RawHttp.get(server.port(), "/ws/chat/no%21way/", HANDSHAKE);
    assertEquals(404, answer.status());
    assertFalse(answer.headers().contains("Sec-WebSocket-Accept"));
  }

  @Test
  void plainGetOfAChannelGets426() throws Exception {
    HttpResponse<String> response = get("/ws/chat/room1/");
    assertEquals(426, response.statusCode());
    assertTrue(response.body().contains("WebSocket endpoint"));
  }

  @Test
  void compressionIsNotNegotiatedByDefault() throws Exception {
    String[] offer = java.util.Arrays.copyOf(HANDSHAKE, HANDSHAKE.length + 1);
    offer[HANDSHAKE.length] = "Sec-WebSocket-Extensions: permessage-deflate; client_max_window_bits";
    Answer answer = RawHttp.get(server.port(), "/ws/chat/room1/", offer);
    assertEquals(101, answer.status());
    assertFalse(answer.headers().toLowerCase().contains("permessage-deflate"), answer.headers());
  }

  @Test
  void staticFolderServesIndexAndFilesWithTheirContentTypes() throws Exception {
    HttpResponse<String> index = get("/chat/");
    assertEquals(200, index.statusCode());
    assertTrue(index.headers().firstValue("content-type").orElse("").startsWith("text/html"));
    assertTrue(index.body().contains("Chat test page"));
    HttpResponse<String> script = get("/chat/app.js");
    assertEquals(200, script.statusCode());
    assertTrue(script.headers().firstValue("content-type").orElse("").contains("javascript"));
    HttpResponse<String> css = get("/chat/style.css");
    assertTrue(css.headers().firstValue("content-type").orElse("").startsWith("text/css"));
    assertEquals(404, get("/chat/missing.js").statusCode());
  }

  @Test
  void staticFolderRefusesTraversalAndListings() throws Exception {
    for (String target : new String[] {"/chat/../secret.txt", "/chat/%2e%2e/secret.txt", "/chat/..%2fsecret.txt",
        "/chat/%2e%2e%2fsecret.txt", "/chat/..\\secret.txt", "/chat//../secret.txt"}) {
      Answer answer = RawHttp.get(server.port(), target);
      assertTrue(answer.status() == 400 || answer.status() == 404, target + " -> " + answer.status());
      assertFalse(answer.body().contains("TOP-SECRET"), target);
    }
  }

  @Test
  void asyncApiDocumentIsServedAsJsonAndYaml() throws Exception {
    HttpResponse<String> json = get("/asyncapi/schema/");
    assertEquals(200, json.statusCode());
    assertEquals("application/json", json.headers().firstValue("content-type").orElse(""));
    assertTrue(json.body().contains("\"address\" : \"ws/chat/{group_name}/\""));
    HttpResponse<String> yaml = get("/asyncapi/schema/?format=yaml");
    assertEquals(200, yaml.statusCode());
    assertTrue(yaml.headers().firstValue("content-type").orElse("").startsWith("application/yaml"));
    assertTrue(yaml.body().contains("address: \"ws/chat/{group_name}/\""), yaml.body());
  }

  @Test
  void docsPageListsTheChannelAndItsMessages() throws Exception {
    HttpResponse<String> docs = get("/asyncapi/docs/");
    assertEquals(200, docs.statusCode());
    assertTrue(docs.headers().firstValue("content-type").orElse("").startsWith("text/html"));
    assertTrue(docs.body().contains("ws/chat/{group_name}/"));
    assertTrue(docs.body().contains("new_chat_message"));
    assertFalse(docs.body().contains("<script"));
  }
}
