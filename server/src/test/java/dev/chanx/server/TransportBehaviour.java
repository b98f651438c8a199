package dev.chanx.server;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.chanx.server.testing.ChatRoom;
import dev.chanx.server.testing.RawHttp;
import dev.chanx.server.testing.RawWebSocket;
import dev.chanx.server.testing.TestClient;
import dev.chanx.server.testing.UpgradeRace;
import dev.chanx.server.testing.chat.ChatRoute;
import dev.chanx.server.testing.chat.ChatServerMessage;
import dev.chanx.server.testing.chat.NoticeMessage;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/**
 * The behaviour every transport gives, whoever carries the sockets: handshake refusals, error
 * frames, groups and pushes, limits, the slow-reader bound, keepalive and close codes. A subclass
 * says how a configured chat is served: our Jetty ({@code JettyTransportTest}) or a servlet
 * container through the Spring starter (its {@code ServletTransportTest}s), so the same tests run
 * against each.
 */
@Timeout(value = 60, unit = TimeUnit.SECONDS)
public abstract class TransportBehaviour {

  private static final String PING = "{\"action\":\"ping\"}";
  private static final String PONG = "{\"action\":\"pong\",\"payload\":null}";
  private static final String[] HANDSHAKE = {"Upgrade: websocket", "Connection: Upgrade",
      "Sec-WebSocket-Version: 13", "Sec-WebSocket-Key: dGhlIHNhbXBsZSBub25jZQ=="};

  /** A chat served on a port until closed. */
  protected interface Served extends AutoCloseable {

    /** {@return the port it listens on, on 127.0.0.1} */
    int port();

    /** {@return the publisher of the chat channel} */
    ChannelPublisher<ChatServerMessage> publisher();

    /** Stops it: open sockets are closed with 1001. */
    @Override
    void close();
  }

  /** The chat's handler: what connected, what left, with which codes. */
  protected final ChatRoom room = new ChatRoom();
  private Served served;

  /**
   * Serves {@link #room} at the chat's address with a configuration the test adds to.
   *
   * @param configure the test's settings, on a configuration that has the chat channel already
   * @return the running chat
   */
  protected abstract Served serve(Consumer<ServerConfig> configure);

  private int start(Consumer<ServerConfig> configure) {
    served = serve(config -> configure.accept(config.channel(ChatRoute.create(), room)));
    return served.port();
  }

  @AfterEach
  void stopServing() {
    room.gate.countDown();
    if (served != null) {
      served.close();
    }
  }

  @Test
  protected void upgradesAreRefusedBeforeUpgradingWithTheEmbeddedServersStatuses() throws Exception {
    int port = start(config -> config.allowedOrigins("https://app.example.com")
        .authenticate(request -> request.header("X-Token").filter("good"::equals).isPresent()
            ? AuthResult.ok("alice") : AuthResult.unauthorized("Invalid token")));
    assertEquals(426, RawHttp.get(port, "/ws/chat/room1/").status());
    RawHttp.Answer foreign = RawHttp.get(port, "/ws/chat/room1/", with("Origin: https://evil.example.com"));
    assertEquals(403, foreign.status());
    assertFalse(foreign.headers().contains("Sec-WebSocket-Accept"), foreign.headers());
    RawHttp.Answer anonymous = RawHttp.get(port, "/ws/chat/room1/", HANDSHAKE);
    assertEquals(401, anonymous.status());
    assertEquals("{\"detail\":\"Invalid token\"}", anonymous.body());
    RawHttp.Answer allowed = RawHttp.get(port, "/ws/chat/room1/",
        with("Origin: https://app.example.com", "X-Token: good"));
    assertEquals(101, allowed.status(), allowed.headers());
    // RFC 6455's own example key and answer.
    assertTrue(allowed.headers().contains("Sec-WebSocket-Accept: s3pPLMBiTxaQ9kYGzzhZRbK+xOo="), allowed.headers());
  }

  @Test
  protected void anOfferOfCompressionIsDeclinedWhenCompressionIsOff() throws Exception {
    int port = start(config -> {});
    RawHttp.Answer deflate = RawHttp.get(port, "/ws/chat/room1/",
        with("Sec-WebSocket-Extensions: permessage-deflate; client_max_window_bits"));
    assertEquals(101, deflate.status());
    assertFalse(deflate.headers().toLowerCase(java.util.Locale.ROOT).contains("permessage-deflate"), deflate.headers());
  }

  /** What a transport with compression on answers instead: the offer is taken. */
  protected final void assertAnOfferOfCompressionIsTaken() throws Exception {
    try (Served on = serve(config -> config.channel(ChatRoute.create(), room))) {
      RawHttp.Answer deflate = RawHttp.get(on.port(), "/ws/chat/room1/",
          with("Sec-WebSocket-Extensions: permessage-deflate; client_max_window_bits"));
      assertEquals(101, deflate.status(), deflate.headers());
      assertTrue(deflate.headers().toLowerCase(java.util.Locale.ROOT).contains("permessage-deflate"), deflate.headers());
    }
  }

  @Test
  protected void badFramesGetErrorFramesCarryingTheirRefAndTheSocketStaysOpen() throws Exception {
    int port = start(config -> {});
    try (TestClient client = TestClient.connect(port, "/ws/chat/invalid/")) {
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
  protected void messagesReachTheirRoomOnlyAndPushesReachAConnectionAndAGroup() throws Exception {
    int port = start(config -> {});
    // One at a time, so that the first connection the handler sees is Alice's.
    try (TestClient alice = TestClient.connect(port, "/ws/chat/room1/")) {
      String aliceId = room.connected.poll(10, TimeUnit.SECONDS).id();
      try (TestClient bob = TestClient.connect(port, "/ws/chat/room1/");
          TestClient carol = TestClient.connect(port, "/ws/chat/room2/")) {
        assertNotNull(room.connected.poll(10, TimeUnit.SECONDS));
        assertNotNull(room.connected.poll(10, TimeUnit.SECONDS));
        chat(alice, bob, carol, aliceId);
      }
    }
  }

  private void chat(TestClient alice, TestClient bob, TestClient carol, String aliceId) throws Exception {
    String hello = "{\"action\":\"new_chat_message\",\"payload\":{\"message\":\"Hello everyone!\",\"name\":\"Alice\"}}";
    alice.send(hello);
    bob.expect(hello);
    carol.send(PING).expect(PONG);
    ChannelPublisher<ChatServerMessage> publisher = served.publisher();
    publisher.send(aliceId, new NoticeMessage("just you"));
    alice.expect("{\"action\":\"notice\",\"payload\":\"just you\"}");
    publisher.broadcast(new NoticeMessage("room1 only"), "room1");
    alice.expect("{\"action\":\"notice\",\"payload\":\"room1 only\"}");
    bob.expect("{\"action\":\"notice\",\"payload\":\"room1 only\"}");
    carol.send(PING).expect(PONG);
    alice.assertNothingWithin(Duration.ofMillis(100));
  }

  @Test
  protected void manyFramesInARowArriveInOrder() throws Exception {
    int port = start(config -> {});
    try (TestClient client = TestClient.connect(port, "/ws/chat/burst/")) {
      for (int i = 0; i < 300; i++) {
        client.send("{\"action\":\"ping\",\"ref\":" + i + "}");
      }
      for (int i = 0; i < 300; i++) {
        client.expect("{\"action\":\"pong\",\"payload\":null,\"ref\":" + i + "}");
      }
    }
  }

  @Test
  protected void framesGrowingAndShrinkingInARowArriveWhole() throws Exception {
    // A transport may reuse its write buffers from frame to frame (the servlet transport does):
    // a short frame after a long one, or a long one after short ones, must carry only its own bytes.
    int[] sizes = {3, 9000, 1, 200, 20000, 7, 4000, 4100, 0, 8192, 12};
    int port = start(config -> {});
    try (TestClient client = TestClient.connect(port, "/ws/chat/sizes/")) {
      for (int round = 0; round < 3; round++) {
        for (int i = 0; i < sizes.length; i++) {
          // One at a time, so that each answer is a write of its own.
          String ref = filler(round, i, sizes[i]);
          client.send("{\"action\":\"ping\",\"ref\":\"" + ref + "\"}");
          client.expect("{\"action\":\"pong\",\"payload\":null,\"ref\":\"" + ref + "\"}");
        }
      }
    }
  }

  /** {@return {@code size} letters, different for each frame, so bytes left from another frame show} */
  private static String filler(int round, int index, int size) {
    StringBuilder text = new StringBuilder(size);
    for (int i = 0; i < size; i++) {
      text.append((char) ('a' + (round * 7 + index * 3 + i) % 26));
    }
    return text.toString();
  }

  @Test
  protected void aMessageOverTheLimitClosesWith1009AndInvalidUtf8With1007() throws Exception {
    int port = start(config -> config.maxFrameSize(1000));
    try (TestClient client = TestClient.connect(port, "/ws/chat/large/")) {
      client.send("{\"action\":\"ping\",\"ref\":\"" + "x".repeat(1000) + "\"}");
      assertEquals(1009, client.closeCode());
    }
    try (RawWebSocket raw = RawWebSocket.connect(port, "/ws/chat/utf8/", 0, null)) {
      raw.send(RawWebSocket.TEXT, false, new byte[] {'{', '"', (byte) 0xED, (byte) 0xA0, (byte) 0x80, '"', '}'});
      assertEquals(1007, raw.awaitClose());
    }
    try (RawWebSocket raw = RawWebSocket.connect(port, "/ws/chat/unmasked/", 0, null)) {
      raw.sendBytes(new byte[] {(byte) 0x81, 0x02, '{', '}'});
      assertEquals(1002, raw.awaitClose());
    }
  }

  @Test
  protected void upgradesPastMaxConnectionsGet503UntilASocketCloses() throws Exception {
    int port = start(config -> config.maxConnections(1));
    TestClient first = TestClient.connect(port, "/ws/chat/full/");
    first.send(PING).expect(PONG);
    RawHttp.Answer refused = RawHttp.get(port, "/ws/chat/full/", HANDSHAKE);
    assertEquals(503, refused.status());
    assertTrue(refused.headers().contains("Retry-After: 5"), refused.headers());
    first.close();
    assertNotNull(room.disconnected.poll(10, TimeUnit.SECONDS));
    try (TestClient second = TestClient.connect(port, "/ws/chat/full/")) {
      second.send(PING).expect(PONG);
    }
  }

  /**
   * Whether the transport reports a send done only once the client has taken it, so that the
   * outbox sees a client that stopped reading and closes it with 1008. A transport that buffers
   * on its own says no, and the slow-reader test then checks only that the room is not held up.
   *
   * @return true unless the transport completes sends before the client reads them
   */
  protected boolean seesAStuckReader() {
    return true;
  }

  @Test
  protected void aClientThatNeverReadsIsClosedWith1008WhileItsRoomGetsEveryFrame() throws Exception {
    boolean bounded = seesAStuckReader();
    int maxQueued = 32;
    int port = start(config -> config.maxQueuedFrames(maxQueued));
    String body = "x".repeat(16_000);
    try (RawWebSocket stuck = RawWebSocket.connect(port, "/ws/chat/busy/", 4096, null)) {
      ChanxConnection<?, ?> stuckConnection = (ChanxConnection<?, ?>) room.connected.poll(10, TimeUnit.SECONDS);
      assertNotNull(stuckConnection);
      List<TestClient> readers = new ArrayList<>();
      for (int i = 0; i < 4; i++) {
        readers.add(TestClient.connect(port, "/ws/chat/busy/"));
        assertNotNull(room.connected.poll(10, TimeUnit.SECONDS));
      }
      String stuckId = stuckConnection.id();
      int rounds = bounded ? 500 : 40;
      for (int round = 0; round < rounds; round++) {
        if (bounded && rounds == 500 && room.closeCodes.containsKey(stuckId)) {
          rounds = round + 3;
        }
        for (int i = round * 8; i < (round + 1) * 8; i++) {
          served.publisher().broadcast(new NoticeMessage(i + " " + body), "busy");
        }
        for (TestClient reader : readers) {
          for (int i = round * 8; i < (round + 1) * 8; i++) {
            assertTrue(reader.next().startsWith("{\"action\":\"notice\",\"payload\":\"" + i + " "), "frame " + i);
          }
        }
      }
      if (bounded) {
        String gone;
        do {
          gone = room.disconnected.poll(10, TimeUnit.SECONDS);
        } while (gone != null && !gone.equals(stuckId));
        assertEquals(stuckId, gone, "the client that never reads was not closed");
        assertEquals(1008, room.closeCodes.get(stuckId));
        Outbox outbox = (Outbox) stuckConnection.sink();
        assertEquals(maxQueued, outbox.peakFrames(), "the bound was reached, never passed");
      }
      for (TestClient reader : readers) {
        reader.send(PING).expect(PONG);
        reader.close();
      }
    }
  }

  @Test
  protected void aPeerThatAnswersNoPingIsClosedWith1011ThenDropped() throws Exception {
    int port = start(config -> config.keepalive(Duration.ofMillis(200)));
    try (RawWebSocket silent = RawWebSocket.connect(port, "/ws/chat/keepalive/", 0, null)) {
      String id = room.connected.poll(10, TimeUnit.SECONDS).id();
      RawWebSocket.Received frame;
      int pings = 0;
      while ((frame = silent.receive()).opcode() != RawWebSocket.CLOSE) {
        assertEquals(RawWebSocket.PING, frame.opcode(), "only pings before the close");
        pings++;
      }
      assertEquals(1, pings);
      assertEquals(1011, frame.closeCode());
      assertEquals(Keepalive.REASON, new String(frame.payload(), 2, frame.payload().length - 2, StandardCharsets.UTF_8));
      assertEquals(id, room.disconnected.poll(10, TimeUnit.SECONDS));
    }
  }

  @Test
  protected void aClientThatPromisedToSpeakFirstAndNeverDoesIsDroppedAllTheSame() throws Exception {
    int port = start(config -> config.keepalive(Duration.ofMillis(200)));
    try (RawWebSocket mute = RawWebSocket.connectWith(port, "/ws/chat/mute/", List.of("Chanx-Client-Speaks-First: 1"))) {
      String id = room.connected.poll(10, TimeUnit.SECONDS).id();
      // Its ping and 1011 close wait for a word that never comes; the keepalive's abort does not:
      // a drop, or on a servlet container, whose Jakarta API has no abort, a 1008 close at once.
      int end = mute.awaitClose();
      assertTrue(end == -1 || end == 1008, "dropped, not closed with " + end);
      assertEquals(id, room.disconnected.poll(10, TimeUnit.SECONDS));
    }
  }

  @Test
  protected void closeCodesReachTheHandlerAndTheClient() throws Exception {
    int port = start(config -> {});
    try (RawWebSocket raw = RawWebSocket.connect(port, "/ws/chat/bye/", 0, null)) {
      String id = room.connected.poll(10, TimeUnit.SECONDS).id();
      raw.send(RawWebSocket.CLOSE, false, new byte[] {0x0F, (byte) 0xA0, 'b', 'y', 'e'});
      RawWebSocket.Received echo = raw.receive();
      assertEquals(RawWebSocket.CLOSE, echo.opcode());
      assertEquals(4000, echo.closeCode());
      assertEquals(-1, raw.awaitClose(), "the server ends the TCP connection after the close");
      assertEquals(id, room.disconnected.poll(10, TimeUnit.SECONDS));
      assertEquals(4000, room.closeCodes.get(id));
    }
    TestClient leaving = TestClient.connect(port, "/ws/chat/stopping/");
    leaving.send(PING).expect(PONG);
    served.close();
    assertEquals(1001, leaving.closeCode(), "a stopping server closes with 1001");
  }

  @Test
  protected void aGroupSendRightAfterTheUpgradeReachesTheNewSocket() throws Exception {
    // onConnect runs before the 101: slowed, a server answering first would lose the send every time.
    room.joinDelay = Duration.ofMillis(300);
    int port = start(config -> {});
    try (TestClient client = TestClient.connect(port, "/ws/chat/lobby/")) {
      served.publisher().broadcast(new NoticeMessage("welcome"), "lobby");
      client.expect("{\"action\":\"notice\",\"payload\":\"welcome\"}");
    }
  }

  @Test
  protected void aClientThatSpeaksFirstHearsNothingUntilItHasSpoken() throws Exception {
    int port = start(config -> {});
    String notice = "{\"action\":\"notice\",\"payload\":\"welcome\"}";
    try (RawWebSocket first = RawWebSocket.connectWith(port, "/ws/chat/first/", List.of("Chanx-Client-Speaks-First: 1"));
        RawWebSocket plain = RawWebSocket.connectWith(port, "/ws/chat/first/", List.of())) {
      served.publisher().broadcast(new NoticeMessage("welcome"), "first");
      assertEquals(notice, plain.receive().text(), "a client that did not ask hears at once");
      assertTrue(first.hearsNothingFor(Duration.ofMillis(300)), "nothing before the client's first frame");
      // An unsolicited pong, as the Java client sends: what waited comes, then the rest as ever.
      first.send(RawWebSocket.PONG, false, new byte[0]);
      assertEquals(notice, first.receive().text());
      first.sendText(PING);
      assertEquals(PONG, first.receive().text());
    }
  }

  @Test
  protected void aClientGoneBeforeTheUpgradeIsAnsweredIsDisconnectedAndFreesItsSlot() throws Exception {
    room.joinDelay = Duration.ofMillis(300);
    int port = start(config -> config.maxConnections(1));
    UpgradeRace.leaveDuringOnConnect(port, "/ws/chat/lobby/", room, true);
    UpgradeRace.leaveDuringOnConnect(port, "/ws/chat/lobby/", room, false);
    // Its slot is free again: the limit is one.
    room.joinDelay = Duration.ZERO;
    try (TestClient client = TestClient.connect(port, "/ws/chat/lobby/")) {
      client.send(PING).expect(PONG);
    }
  }

  @Test
  protected void aHandshakeTheTransportRefusesLeavesNoSocketBehind() throws Exception {
    int port = start(config -> config.maxConnections(1));
    // A version this side does not speak: refused before or by the transport, never upgraded.
    RawHttp.Answer refused = RawHttp.get(port, "/ws/chat/lobby/", "Upgrade: websocket", "Connection: Upgrade",
        "Sec-WebSocket-Version: 8", "Sec-WebSocket-Key: dGhlIHNhbXBsZSBub25jZQ==");
    assertTrue(refused.status() >= 400 && refused.status() < 500, refused.status() + " " + refused.headers());
    // A transport that admitted it before refusing has let it go again, and its slot is free: the limit is one.
    var admitted = room.connected.poll();
    if (admitted != null) {
      assertEquals(admitted.id(), room.disconnected.poll(10, TimeUnit.SECONDS));
    }
    try (TestClient client = TestClient.connect(port, "/ws/chat/lobby/")) {
      client.send(PING).expect(PONG);
    }
  }

  private static String[] with(String... headers) {
    String[] lines = java.util.Arrays.copyOf(HANDSHAKE, HANDSHAKE.length + headers.length);
    System.arraycopy(headers, 0, lines, HANDSHAKE.length, headers.length);
    return lines;
  }
}
