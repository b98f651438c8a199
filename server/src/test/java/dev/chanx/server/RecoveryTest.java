package dev.chanx.server;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.chanx.server.testing.ChatRoom;
import dev.chanx.server.testing.TestClient;
import dev.chanx.server.testing.chat.ChatMessagePayload;
import dev.chanx.server.testing.chat.ChatRoute;
import dev.chanx.server.testing.chat.ChatServerMessage;
import dev.chanx.server.testing.chat.NewChatMessage;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/** Recoverable group sends on the in-memory layer, over real sockets, frame by frame. */
@Timeout(value = 60, unit = TimeUnit.SECONDS)
class RecoveryTest {

  private static final ObjectMapper JSON = new ObjectMapper();
  private static final int SIZE = 20;
  private static ChanxServer server;
  private static ChanxServer plain;
  private static ChannelPublisher<ChatServerMessage> publisher;
  private static final dev.chanx.server.channel.ChannelRoute<dev.chanx.server.testing.chat.ChatHandler,
      dev.chanx.server.testing.chat.ChatClientMessage, ChatServerMessage, dev.chanx.server.testing.chat.ChatPath> BIG =
      dev.chanx.server.testing.ChatRoutes.at("big", "ws/big/{group_name}/");

  @BeforeAll
  static void start() {
    server = ChanxServer.create(config -> config.host("127.0.0.1").port(0)
        .asyncApi("tutorial.asyncapi.yaml")
        .channel(ChatRoute.create(), new ChatRoom(), chat -> chat.recovery(Duration.ofMinutes(2), SIZE))
        .channel(BIG, new ChatRoom(), chat -> chat.recovery(Duration.ofMinutes(2), 100_000))).start();
    plain = ChanxServer.create(config -> config.host("127.0.0.1").port(0).channel(ChatRoute.create(), new ChatRoom()))
        .start();
    publisher = server.publisher(ChatRoute.create());
  }

  @AfterAll
  static void stop() {
    server.stop();
    plain.stop();
  }

  private static String room() {
    return "r" + System.nanoTime();
  }

  private static TestClient join(String room, String recover) throws Exception {
    String query = recover == null ? "" : "?chanx_recover=" + URLEncoder.encode(recover, StandardCharsets.UTF_8);
    return TestClient.connect(server.port(), "/ws/chat/" + room + "/" + query);
  }

  private static NewChatMessage message(int n) {
    return new NewChatMessage(new ChatMessagePayload("m" + n, "pub"));
  }

  private static JsonNode read(String frame) throws Exception {
    return JSON.readTree(frame);
  }

  @Test
  void aFreshClientIsToldItsStartingPositionFirst() throws Exception {
    String room = room();
    try (TestClient alice = join(room, null)) {
      JsonNode recovery = read(alice.next());
      assertEquals("recovery", recovery.path("action").asText());
      JsonNode group = recovery.path("payload").path(room);
      assertEquals("new", group.path("status").asText());
      assertEquals(0, group.path("offset").asLong());
      assertFalse(group.path("epoch").asText().isEmpty());
    }
  }

  @Test
  void eachGroupSendCarriesItsPositionAsTheLastKey() throws Exception {
    String room = room();
    try (TestClient alice = join(room, null); TestClient bob = join(room, null)) {
      String epoch = read(alice.next()).path("payload").path(room).path("epoch").asText();
      bob.next();
      alice.send("{\"action\":\"new_chat_message\",\"payload\":{\"message\":\"hi\",\"name\":\"Alice\"}}");
      assertEquals("{\"action\":\"new_chat_message\",\"payload\":{\"message\":\"hi\",\"name\":\"Alice\"},"
          + "\"pos\":{\"" + room + "\":{\"epoch\":\"" + epoch + "\",\"offset\":1}}}", bob.next());
    }
  }

  @Test
  void aClientThatReconnectsGetsExactlyWhatItMissedThenLiveFrames() throws Exception {
    String room = room();
    JsonNode last;
    try (TestClient bob = join(room, null)) {
      bob.next();
      publisher.broadcast(message(1), room);
      last = read(bob.next()).path("pos");
    }
    for (int n = 2; n <= 6; n++) {
      publisher.broadcast(message(n), room);
    }
    try (TestClient bob = join(room, last.toString())) {
      JsonNode recovery = read(bob.next()).path("payload").path(room);
      assertEquals("recovered", recovery.path("status").asText());
      assertEquals(1, recovery.path("offset").asLong());
      assertEquals(5, recovery.path("missed").asInt());
      for (int n = 2; n <= 6; n++) {
        JsonNode frame = read(bob.next());
        assertEquals("m" + n, frame.path("payload").path("message").asText());
        assertEquals(n, frame.path("pos").path(room).path("offset").asLong());
      }
      publisher.broadcast(message(7), room);
      assertEquals(7, read(bob.next()).path("pos").path(room).path("offset").asLong());
      bob.assertNothingWithin(Duration.ofMillis(200));
    }
  }

  @Test
  void aClientThatReceivedNothingRecoversFromItsStartingPosition() throws Exception {
    String room = room();
    JsonNode start;
    try (TestClient bob = join(room, null)) {
      JsonNode group = read(bob.next()).path("payload").path(room);
      start = JSON.createObjectNode().set(room, JSON.createObjectNode().put("epoch", group.path("epoch").asText())
          .put("offset", group.path("offset").asLong()));
    }
    publisher.broadcast(message(1), room);
    try (TestClient bob = join(room, start.toString())) {
      JsonNode recovery = read(bob.next()).path("payload").path(room);
      assertEquals("recovered", recovery.path("status").asText());
      assertEquals("m1", read(bob.next()).path("payload").path("message").asText());
    }
  }

  @Test
  void aClientTooFarBehindIsToldTheWindowWasExceeded() throws Exception {
    String room = room();
    JsonNode last;
    try (TestClient bob = join(room, null)) {
      bob.next();
      publisher.broadcast(message(0), room);
      last = read(bob.next()).path("pos");
    }
    for (int n = 1; n <= SIZE + 1; n++) {
      publisher.broadcast(message(n), room);
    }
    try (TestClient bob = join(room, last.toString())) {
      JsonNode recovery = read(bob.next()).path("payload").path(room);
      assertEquals("failed", recovery.path("status").asText());
      assertEquals("window_exceeded", recovery.path("reason").asText());
      assertEquals(SIZE + 2, recovery.path("offset").asLong());
      publisher.broadcast(message(99), room);
      assertEquals("m99", read(bob.next()).path("payload").path("message").asText());
    }
  }

  @Test
  void anotherEpochIsToldAsChanged() throws Exception {
    String room = room();
    try (TestClient bob = join(room, "{\"" + room + "\":{\"epoch\":\"gone\",\"offset\":3}}")) {
      JsonNode recovery = read(bob.next()).path("payload").path(room);
      assertEquals("failed", recovery.path("status").asText());
      assertEquals("epoch_changed", recovery.path("reason").asText());
    }
  }

  @Test
  void anUnreadablePositionIsRefusedWith400() throws Exception {
    for (String bad : new String[] {"nope", "[1]", "{\"r\":{\"epoch\":\"\",\"offset\":1}}",
        "{\"r\":{\"epoch\":\"e\",\"offset\":-1}}", "{\"r\":{\"epoch\":\"e\",\"offset\":1.5}}"}) {
      java.util.concurrent.ExecutionException refused = org.junit.jupiter.api.Assertions.assertThrows(
          java.util.concurrent.ExecutionException.class, () -> join("r", bad));
      assertTrue(refused.getCause() instanceof java.net.http.WebSocketHandshakeException, refused.toString());
      assertEquals(400, ((java.net.http.WebSocketHandshakeException) refused.getCause()).getResponse().statusCode());
    }
  }

  @Test
  void fiveReconnectsInARowDuringASteadyStreamLoseAndRepeatNothing() throws Exception {
    String room = room();
    ChannelPublisher<ChatServerMessage> publisher = server.publisher(BIG);
    AtomicBoolean sending = new AtomicBoolean(true);
    AtomicInteger sent = new AtomicInteger();
    Thread stream = new Thread(() -> {
      while (sending.get()) {
        publisher.broadcast(message(sent.incrementAndGet()), room);
        try {
          Thread.sleep(1);
        } catch (InterruptedException e) {
          return;
        }
      }
    });
    List<Long> offsets = new ArrayList<>();
    String recover = null;
    try {
      stream.start();
      for (int drop = 0; drop <= 5; drop++) {
        String query = recover == null ? "" : "?chanx_recover=" + URLEncoder.encode(recover, StandardCharsets.UTF_8);
        try (TestClient bob = TestClient.connect(server.port(), "/ws/big/" + room + "/" + query)) {
          JsonNode recovery = read(bob.next()).path("payload").path(room);
          assertEquals(drop == 0 ? "new" : "recovered", recovery.path("status").asText());
          JsonNode pos = null;
          for (int i = 0; i < 5; i++) {
            JsonNode frame = read(bob.next());
            pos = frame.path("pos");
            offsets.add(pos.path(room).path("offset").asLong());
          }
          recover = pos.toString();
        }
      }
    } finally {
      sending.set(false);
      stream.join();
    }
    for (int i = 1; i < offsets.size(); i++) {
      assertEquals(offsets.get(i - 1) + 1, offsets.get(i), "offsets " + offsets);
    }
  }

  @Test
  void aPlainChannelSendsFramesWithoutPositionsAndNoRecoveryFrame() throws Exception {
    String room = room();
    try (TestClient alice = TestClient.connect(plain.port(), "/ws/chat/" + room + "/");
        TestClient bob = TestClient.connect(plain.port(), "/ws/chat/" + room + "/")) {
      // A socket's frames are handled after its onConnect: once Bob has his pong, he is in the room.
      bob.send("{\"action\":\"ping\"}").expect("{\"action\":\"pong\",\"payload\":null}");
      String hello = "{\"action\":\"new_chat_message\",\"payload\":{\"message\":\"hi\",\"name\":\"Alice\"}}";
      alice.send(hello);
      assertEquals(hello, bob.next());
    }
  }

  @Test
  void theServedDocumentDescribesTheRecoveryFrame() throws Exception {
    HttpResponse<String> response = HttpClient.newHttpClient().send(HttpRequest.newBuilder(URI.create(
        "http://127.0.0.1:" + server.port() + "/asyncapi/schema/")).build(), HttpResponse.BodyHandlers.ofString());
    JsonNode doc = read(response.body());
    assertEquals("recovery", doc.at("/components/messages/chanx_recovery/payload/properties/action/const").asText());
    assertTrue(doc.at("/channels/chat/messages/chanx_recovery").isObject(), doc.at("/channels/chat").toString());
  }
}
