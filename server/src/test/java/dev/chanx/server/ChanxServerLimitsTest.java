package dev.chanx.server;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.chanx.server.testing.ChatRoom;
import dev.chanx.server.testing.RawHttp;
import dev.chanx.server.testing.RawWebSocket;
import dev.chanx.server.testing.TestClient;
import dev.chanx.server.testing.chat.ChatRoute;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/** The size, JSON and connection limits, at their defaults and configured. */
@Timeout(value = 60, unit = TimeUnit.SECONDS)
class ChanxServerLimitsTest {

  private static final String PING = "{\"action\":\"ping\"}";
  private static final String PONG = "{\"action\":\"pong\",\"payload\":null}";
  private static final String[] HANDSHAKE = {"Upgrade: websocket", "Connection: Upgrade", "Sec-WebSocket-Version: 13",
      "Sec-WebSocket-Key: dGhlIHNhbXBsZSBub25jZQ=="};

  private final ChatRoom room = new ChatRoom();
  private ChanxServer server;

  @AfterEach
  void stop() {
    server.stop();
  }

  private ChanxServer start(Consumer<ServerConfig> limits) {
    server = ChanxServer.create(config -> limits.accept(config.host("127.0.0.1").port(0)
        .channel(ChatRoute.create(), room)))
        .start();
    return server;
  }

  /** A ping whose whole frame is exactly {@code size} bytes. */
  private static String pingOfSize(int size) {
    String head = "{\"action\":\"ping\",\"ref\":\"";
    return head + "x".repeat(size - head.length() - 2) + "\"}";
  }

  @Test
  void frameOfExactly64KiBIsHandledAndOneByteMoreClosesWith1009() throws Exception {
    start(config -> {});
    try (TestClient client = TestClient.connect(server.port(), "/ws/chat/big/")) {
      client.send(pingOfSize(64 * 1024));
      assertTrue(client.next().startsWith("{\"action\":\"pong\",\"payload\":null,\"ref\":\"xxx"));
      client.send(pingOfSize(64 * 1024 + 1));
      assertEquals(1009, client.closeCode());
    }
  }

  @Test
  void configuredFrameSizeApplies() throws Exception {
    start(config -> config.maxFrameSize(1000));
    try (TestClient client = TestClient.connect(server.port(), "/ws/chat/small/")) {
      client.send(pingOfSize(1000));
      assertTrue(client.next().startsWith("{\"action\":\"pong\""));
      client.send(pingOfSize(1001));
      assertEquals(1009, client.closeCode());
    }
  }

  @Test
  void jsonLimitsGetAnErrorFrameNamingTheLimitWithoutEchoingTheFrame() throws Exception {
    start(config -> config.maxJsonDepth(4).maxStringLength(10).maxNumberLength(5));
    try (TestClient client = TestClient.connect(server.port(), "/ws/chat/json/")) {
      client.send("{\"action\":\"ping\",\"ref\":[[1]]}").expect("{\"action\":\"pong\",\"payload\":null,\"ref\":[[1]]}");
      client.send("{\"action\":\"ping\",\"ref\":[[[[1]]]]}").expect(jsonInvalid("nested deeper than 4 levels"));
      client.send("{\"action\":\"ping\",\"ref\":\"secretsecret\"}")
          .expect(jsonInvalid("a string or key longer than 10 characters"));
      client.send("{\"action\":\"ping\",\"secretsecret\":1}")
          .expect(jsonInvalid("a string or key longer than 10 characters"));
      client.send("{\"action\":\"ping\",\"ref\":123456}").expect(jsonInvalid("a number longer than 5 digits"));
      client.send(PING).expect(PONG);
    }
  }

  @Test
  void upgradeBeyondMaxConnectionsGets503UntilASocketCloses() throws Exception {
    start(config -> config.maxConnections(2));
    TestClient first = TestClient.connect(server.port(), "/ws/chat/full/");
    try (TestClient second = TestClient.connect(server.port(), "/ws/chat/full/")) {
      RawHttp.Answer refused = RawHttp.get(server.port(), "/ws/chat/full/", HANDSHAKE);
      assertEquals(503, refused.status());
      assertTrue(refused.headers().contains("Retry-After: 5"), refused.headers());
      // A plain GET takes no slot: it still gets its 426.
      assertEquals(426, RawHttp.get(server.port(), "/ws/chat/full/").status());
      first.close();
      assertNotNull(room.disconnected.poll(10, TimeUnit.SECONDS));
      try (TestClient third = TestClient.connect(server.port(), "/ws/chat/full/")) {
        third.send(PING).expect(PONG);
      }
      second.send(PING).expect(PONG);
    }
  }

  @Test
  void concurrentUpgradesNeverOpenMoreThanMaxConnections() throws Exception {
    start(config -> config.maxConnections(1));
    ExecutorService threads = Executors.newFixedThreadPool(8);
    CountDownLatch answered = new CountDownLatch(8);
    List<Future<String>> outcomes = new ArrayList<>();
    for (int i = 0; i < 8; i++) {
      outcomes.add(threads.submit(() -> {
        String outcome;
        try (RawWebSocket raw = RawWebSocket.connect(server.port(), "/ws/chat/race/", 0, null)) {
          raw.sendText(PING);
          RawWebSocket.Received answer = raw.receive();
          outcome = answer.opcode() == RawWebSocket.CLOSE ? "closed " + answer.closeCode() : answer.text();
          // Keep the socket open until every attempt has its answer: "open" means open at once.
          answered.countDown();
          answered.await(20, TimeUnit.SECONDS);
        } catch (IOException refused) {
          outcome = refused.getMessage();
          answered.countDown();
        }
        return outcome;
      }));
    }
    int open = 0;
    for (Future<String> outcome : outcomes) {
      String answer = outcome.get(20, TimeUnit.SECONDS);
      if (answer.equals(PONG)) {
        open++;
      } else {
        assertTrue(answer.equals("closed 1013") || answer.startsWith("not upgraded: HTTP/1.1 503"), answer);
      }
    }
    threads.shutdown();
    assertEquals(1, open, "sockets open at once");
  }

  @Test
  void textThatIsNotUtf8FailsTheSocketWith1007AsTheProtocolRequires() throws Exception {
    start(config -> {});
    try (RawWebSocket raw = RawWebSocket.connect(server.port(), "/ws/chat/utf8/", 0, null)) {
      raw.send(RawWebSocket.TEXT, false, new byte[] {'{', '"', (byte) 0xED, (byte) 0xA0, (byte) 0x80, '"', '}'});
      assertEquals(1007, raw.awaitClose());
    }
  }

  @Test
  void limitsMustBePositiveAndDepthAtMostAThousand() {
    ServerConfig[] kept = new ServerConfig[1];
    start(server -> {
      kept[0] = server;
      assertThrows(IllegalArgumentException.class, () -> server.maxFrameSize(0));
      assertThrows(IllegalArgumentException.class, () -> server.maxJsonDepth(0));
      assertEquals("maxJsonDepth must be at most 1000: 1001",
          assertThrows(IllegalArgumentException.class, () -> server.maxJsonDepth(1001)).getMessage());
      assertThrows(IllegalArgumentException.class, () -> server.maxStringLength(-1));
      assertThrows(IllegalArgumentException.class, () -> server.maxNumberLength(0));
      assertThrows(IllegalArgumentException.class, () -> server.maxConnections(0));
      assertThrows(IllegalArgumentException.class, () -> server.maxQueuedFrames(0));
      assertEquals("maxQueuedBytes must be positive: 0",
          assertThrows(IllegalArgumentException.class, () -> server.maxQueuedBytes(0)).getMessage());
    });
    assertThrows(IllegalStateException.class, () -> kept[0].maxFrameSize(10));
  }

  @Test
  void defaultsAreTheDocumentedOnes() {
    start(config -> {});
    assertEquals(new Limits(65_536, 32, 65_536, 100, 10_000, 1024, 1_048_576), Limits.DEFAULTS);
  }

  private static String jsonInvalid(String msg) {
    return "{\"action\":\"error\",\"payload\":[{\"type\":\"json_invalid\",\"loc\":[],\"msg\":\"Invalid JSON: " + msg + "\"}]}";
  }
}
