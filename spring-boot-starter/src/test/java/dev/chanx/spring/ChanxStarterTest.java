package dev.chanx.spring;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.chanx.server.ChannelHost;
import dev.chanx.server.channel.Connection;
import dev.chanx.server.testing.ChatRoom;
import dev.chanx.server.testing.RawHttp;
import dev.chanx.server.testing.TestClient;
import dev.chanx.server.testing.chat.ChatPath;
import dev.chanx.server.testing.chat.ChatPublisher;
import dev.chanx.server.testing.chat.ChatRoute;
import dev.chanx.server.testing.chat.ChatServerMessage;
import dev.chanx.server.testing.chat.NoticeMessage;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.SpringBootConfiguration;
import org.springframework.boot.autoconfigure.EnableAutoConfiguration;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.annotation.Bean;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.web.SecurityFilterChain;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RestController;

/**
 * The starter on Spring Boot's Tomcat at a random port: a handler bean served at its channel's
 * address beside the application's own MVC endpoints, with the embedded server's behaviour.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT, properties = {
    "chanx.asyncapi.documents=chat-test.asyncapi.yaml",
    "chanx.max-frame-size=4096",
    "chanx.allowed-origins=https://app.example.com"})
@Timeout(value = 60, unit = TimeUnit.SECONDS)
class ChanxStarterTest {

  private static final String PING = "{\"action\":\"ping\"}";
  private static final String PONG = "{\"action\":\"pong\",\"payload\":null}";
  private static final String[] HANDSHAKE = {"Upgrade: websocket", "Connection: Upgrade",
      "Sec-WebSocket-Version: 13", "Sec-WebSocket-Key: dGhlIHNhbXBsZSBub25jZQ=="};
  private static final HttpClient HTTP = HttpClient.newHttpClient();

  @LocalServerPort
  int port;
  @Autowired
  ChatRoom room;
  @Autowired
  ChatPublisher publisher;
  @Autowired
  ChannelHost host;

  /** The application under test: one handler bean, its publisher bean, and an MVC endpoint beside them. */
  @SpringBootConfiguration
  @EnableAutoConfiguration
  @RestController
  static class App {

    @Bean
    ChatRoom chatRoom() {
      return new ChatRoom();
    }

    @Bean
    ChatPublisher chatPublisher(ChannelHost host) {
      return ChatPublisher.of(host.publisher(ChatRoute.create()));
    }

    /** Spring Security is on this module's test classpath (for {@link SecuredUpgradeTest}): here it lets all in. */
    @Bean
    SecurityFilterChain open(HttpSecurity http) throws Exception {
      return http.authorizeHttpRequests(requests -> requests.anyRequest().permitAll()).build();
    }

    @GetMapping("/hello")
    String hello() {
      return "hello from MVC";
    }
  }

  private TestClient join(String group) throws Exception {
    return TestClient.connect(port, "/ws/chat/" + group + "/");
  }

  private HttpResponse<String> get(String path) throws Exception {
    return HTTP.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + path)).build(),
        HttpResponse.BodyHandlers.ofString());
  }

  @Test
  void chatMessageReachesTheOthersInTheRoomOnlyExactlyAsSent() throws Exception {
    try (TestClient alice = join("room1"); TestClient bob = join("room1"); TestClient carol = join("room2")) {
      String hello = "{\"action\":\"new_chat_message\",\"payload\":{\"message\":\"Hello everyone!\",\"name\":\"Alice\"}}";
      alice.send(hello);
      bob.expect(hello);
      alice.send(PING).expect(PONG);
      carol.send(PING).expect(PONG);
    }
  }

  @Test
  void invalidFramesGetErrorFramesAndTheSocketStaysOpen() throws Exception {
    try (TestClient client = join("invalid")) {
      client.send("hello");
      assertTrue(client.next().startsWith(
          "{\"action\":\"error\",\"payload\":[{\"type\":\"json_invalid\",\"loc\":[],\"msg\":\"Invalid JSON: "));
      client.send("{\"action\":\"new_chat_message\",\"payload\":{\"message\":\"hi\"}}");
      client.expect("{\"action\":\"error\",\"payload\":[{\"type\":\"missing\",\"loc\":[\"new_chat_message\","
          + "\"payload\",\"name\"],\"msg\":\"Field required\"}]}");
      client.sendBinary(new byte[] {1, 2, 3});
      client.expect("{\"action\":\"error\",\"payload\":[{\"type\":\"json_invalid\",\"loc\":[],"
          + "\"msg\":\"Invalid JSON: binary frames are not accepted, send a text frame\"}]}");
      client.send("{\"action\":\"boom\",\"ref\":\"r-2\"}").expect(
          "{\"action\":\"error\",\"payload\":{\"detail\":\"Failed to process message for boom\"},\"ref\":\"r-2\"}");
      client.send(PING).expect(PONG);
    }
  }

  @Test
  void manyRepliesInARowArriveInOrder() throws Exception {
    // More frames than the container takes at once: the socket queues them and sends one after another.
    try (TestClient client = join("burst")) {
      for (int i = 0; i < 200; i++) {
        client.send("{\"action\":\"ping\",\"ref\":" + i + "}");
      }
      for (int i = 0; i < 200; i++) {
        client.expect("{\"action\":\"pong\",\"payload\":null,\"ref\":" + i + "}");
      }
    }
  }

  @Test
  void publisherBeanPushesToAConnectionAndAGroup() throws Exception {
    room.connected.clear();
    try (TestClient one = join("pushes"); TestClient two = join("pushes")) {
      one.send(PING).expect(PONG);
      two.send(PING).expect(PONG);
      Connection<ChatServerMessage, ChatPath> first = room.connected.poll(10, TimeUnit.SECONDS);
      publisher.pushNotice(first.id(), new NoticeMessage("just you"));
      one.expect("{\"action\":\"notice\",\"payload\":\"just you\"}");
      publisher.broadcastNotice(new NoticeMessage("everyone"), "pushes");
      one.expect("{\"action\":\"notice\",\"payload\":\"everyone\"}");
      two.expect("{\"action\":\"notice\",\"payload\":\"everyone\"}");
    }
  }

  @Test
  void messageOverTheConfiguredLimitClosesWith1009() throws Exception {
    try (TestClient client = join("large")) {
      client.send("{\"action\":\"ping\",\"ref\":\"" + "x".repeat(5000) + "\"}");
      assertEquals(1009, client.closeCode());
    }
  }

  @Test
  void upgradesAreDecidedBeforeUpgradingAsOnTheEmbeddedServer() throws Exception {
    Answer notFound = new Answer(RawHttp.get(port, "/ws/nowhere/", HANDSHAKE));
    assertEquals(404, notFound.status());
    assertFalse(notFound.upgraded());
    HttpResponse<String> plain = get("/ws/chat/room1/");
    assertEquals(426, plain.statusCode());
    assertTrue(plain.body().contains("WebSocket endpoint"));
    Answer foreign = new Answer(RawHttp.get(port, "/ws/chat/room1/", with("Origin: https://evil.example.com")));
    assertEquals(403, foreign.status());
    assertFalse(foreign.upgraded());
    Answer allowed = new Answer(RawHttp.get(port, "/ws/chat/room1/", with("Origin: https://app.example.com")));
    assertEquals(101, allowed.status());
    Answer deflate = new Answer(RawHttp.get(port, "/ws/chat/room1/",
        with("Sec-WebSocket-Extensions: permessage-deflate; client_max_window_bits")));
    assertEquals(101, deflate.status());
    assertFalse(deflate.answer().headers().toLowerCase().contains("permessage-deflate"), deflate.answer().headers());
  }

  @Test
  void theApplicationsOwnEndpointsAndTheDocumentShareThePort() throws Exception {
    assertEquals("hello from MVC", get("/hello").body());
    HttpResponse<String> json = get("/asyncapi/schema/");
    assertEquals(200, json.statusCode());
    assertEquals("application/json", json.headers().firstValue("content-type").orElse(""));
    assertTrue(json.body().contains("ws/chat/{group_name}/"), json.body());
    HttpResponse<String> docs = get("/asyncapi/docs/");
    assertEquals(200, docs.statusCode());
    assertTrue(docs.headers().firstValue("content-type").orElse("").startsWith("text/html"));
    assertTrue(docs.body().contains("ws/chat/{group_name}/"));
  }

  @Test
  void theHostRegisteredTheHandlerBeanUnderItsRoute() {
    assertTrue(host.serves("/ws/chat/room1/"));
    assertFalse(host.serves("/hello"));
  }

  private static String[] with(String header) {
    String[] lines = java.util.Arrays.copyOf(HANDSHAKE, HANDSHAKE.length + 1);
    lines[HANDSHAKE.length] = header;
    return lines;
  }

  private record Answer(RawHttp.Answer answer) {
    int status() {
      return answer.status();
    }

    boolean upgraded() {
      return answer.headers().contains("Sec-WebSocket-Accept");
    }
  }
}
