package dev.chanx.spring;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.chanx.server.ChannelHost;
import dev.chanx.server.channel.Connection;
import dev.chanx.server.telemetry.ChannelTelemetry;
import dev.chanx.server.telemetry.FrameScope;
import dev.chanx.server.telemetry.Telemetry;
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
import java.util.Queue;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
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
 * address beside the application's own MVC endpoints, with the embedded server's behaviour. The
 * transport's own behaviour (error frames, limits, close codes) is {@link ServletTransportTest}'s.
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
  @Autowired
  Reported reported;

  /** A telemetry bean that records what the host tells it, as {@code ChanxMetrics} would count it. */
  static final class Reported implements Telemetry {

    final Queue<Integer> handshakes = new ConcurrentLinkedQueue<>();
    final AtomicInteger opened = new AtomicInteger();
    final AtomicInteger framesIn = new AtomicInteger();
    final AtomicInteger framesOut = new AtomicInteger();

    @Override
    public ChannelTelemetry channel(String name, String address) {
      return new ChannelTelemetry() {
        @Override
        public void handshake(int status, long startNanos) {
          handshakes.add(status);
        }

        @Override
        public void opened() {
          opened.incrementAndGet();
        }

        @Override
        public FrameScope frame(String message, int size, String traceparent) {
          framesIn.incrementAndGet();
          return ChannelTelemetry.super.frame(message, size, traceparent);
        }

        @Override
        public void sent(int bytes) {
          framesOut.incrementAndGet();
        }
      };
    }
  }

  /** The application under test: one handler bean, its publisher bean, and an MVC endpoint beside them. */
  @SpringBootConfiguration
  @EnableAutoConfiguration
  @RestController
  static class App {

    @Bean
    Reported reported() {
      return new Reported();
    }

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
  void telemetryBeansHearTheContainersSockets() throws Exception {
    // The handshake is decided by the host and the socket carried by Tomcat: both report as on the embedded server.
    long upgradedBefore = reported.handshakes.stream().filter(status -> status == 101).count();
    int openedBefore = reported.opened.get();
    int inBefore = reported.framesIn.get();
    int outBefore = reported.framesOut.get();
    try (TestClient client = join("watched")) {
      client.send(PING).expect(PONG);
    }
    assertTrue(reported.handshakes.stream().filter(status -> status == 101).count() > upgradedBefore,
        reported.handshakes.toString());
    assertTrue(reported.opened.get() > openedBefore);
    assertTrue(reported.framesIn.get() > inBefore);
    assertTrue(reported.framesOut.get() > outBefore);
  }

  @Test
  void publisherBeanPushesToAConnectionAndAGroup() throws Exception {
    room.connected.clear();
    // One at a time: Tomcat opens a socket after its 101 is sent, so two joins could open in either order.
    try (TestClient one = join("pushes")) {
      Connection<ChatServerMessage, ChatPath> first = room.connected.poll(10, TimeUnit.SECONDS);
      try (TestClient two = join("pushes")) {
        one.send(PING).expect(PONG);
        two.send(PING).expect(PONG);
        publisher.pushNotice(first.id(), new NoticeMessage("just you"));
        one.expect("{\"action\":\"notice\",\"payload\":\"just you\"}");
        publisher.broadcastNotice(new NoticeMessage("everyone"), "pushes");
        one.expect("{\"action\":\"notice\",\"payload\":\"everyone\"}");
        two.expect("{\"action\":\"notice\",\"payload\":\"everyone\"}");
      }
    }
  }

  @Test
  void theConfiguredFrameSizeApplies() throws Exception {
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
