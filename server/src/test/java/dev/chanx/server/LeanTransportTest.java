package dev.chanx.server;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.chanx.server.testing.ChatRoom;
import dev.chanx.server.testing.RawHttp;
import dev.chanx.server.testing.RawWebSocket;
import dev.chanx.server.testing.chat.ChatRoute;
import java.io.ByteArrayOutputStream;
import java.io.DataInputStream;
import java.io.InputStream;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * The default transport's side of RFC 6455, on real sockets: fragments, control frames between
 * them, frames split across reads or sent with the upgrade, the close handshake, and the close
 * codes for frames that break the protocol. Each case runs with handlers on pool threads (the
 * default) and on the I/O thread ({@code nonBlockingHandlers(true)}).
 */
@Timeout(value = 60, unit = TimeUnit.SECONDS)
class LeanTransportTest {

  private static final byte[] PING_ACTION = "{\"action\":\"ping\"}".getBytes(StandardCharsets.UTF_8);
  private static final String PONG = "{\"action\":\"pong\",\"payload\":null}";

  private final ChatRoom room = new ChatRoom();
  private ChanxServer server;

  @AfterEach
  void stop() {
    server.stop();
  }

  private RawWebSocket connect(boolean blocking) throws Exception {
    server = ChanxServer.create(config -> config.host("127.0.0.1").port(0).maxFrameSize(1000)
        .nonBlockingHandlers(!blocking).channel(ChatRoute.create(), room)).start();
    return RawWebSocket.connect(server.port(), "/ws/chat/lean/", 0, null);
  }

  private static byte[] part(byte[] bytes, int from, int to) {
    return java.util.Arrays.copyOfRange(bytes, from, to);
  }

  @ParameterizedTest
  @ValueSource(booleans = {false, true})
  void fragmentsAreJoinedAndAPingBetweenThemIsAnsweredFirst(boolean blocking) throws Exception {
    try (RawWebSocket raw = connect(blocking)) {
      raw.sendFragment(false, RawWebSocket.TEXT, part(PING_ACTION, 0, 5));
      raw.sendFragment(false, 0, part(PING_ACTION, 5, 9));
      raw.send(RawWebSocket.PING, false, "are you there".getBytes(StandardCharsets.UTF_8));
      raw.sendFragment(true, 0, part(PING_ACTION, 9, PING_ACTION.length));
      RawWebSocket.Received pong = raw.receive();
      assertEquals(RawWebSocket.PONG, pong.opcode());
      assertEquals("are you there", pong.text());
      RawWebSocket.Received answer = raw.receive();
      assertEquals(RawWebSocket.TEXT, answer.opcode());
      assertEquals(PONG, answer.text());
    }
  }

  @ParameterizedTest
  @ValueSource(booleans = {false, true})
  void aFrameArrivingByteByByteIsReadWhole(boolean blocking) throws Exception {
    try (RawWebSocket raw = connect(blocking)) {
      byte[] frame = RawWebSocket.frame(true, RawWebSocket.TEXT, false, PING_ACTION);
      for (byte b : frame) {
        raw.sendBytes(new byte[] {b});
        Thread.sleep(2);
      }
      assertEquals(PONG, raw.receive().text());
      // Two frames in one write are both handled.
      ByteArrayOutputStream two = new ByteArrayOutputStream();
      two.writeBytes(frame);
      two.writeBytes(RawWebSocket.frame(true, RawWebSocket.TEXT, false, PING_ACTION));
      raw.sendBytes(two.toByteArray());
      assertEquals(PONG, raw.receive().text());
      assertEquals(PONG, raw.receive().text());
    }
  }

  @ParameterizedTest
  @ValueSource(booleans = {false, true})
  void aCloseIsAnsweredWithItsCodeAndTheServerEndsTheConnection(boolean blocking) throws Exception {
    try (RawWebSocket raw = connect(blocking)) {
      raw.send(RawWebSocket.CLOSE, false, new byte[] {0x03, (byte) 0xE8, 'b', 'y', 'e'});
      RawWebSocket.Received close = raw.receive();
      assertEquals(RawWebSocket.CLOSE, close.opcode());
      assertEquals(1000, close.closeCode());
      assertEquals(-1, raw.awaitClose(), "the TCP connection ends after the close");
    }
  }

  @ParameterizedTest
  @ValueSource(strings = {"unmasked", "continuation", "rsv", "opcode", "bigPing", "fragmentedPing", "closeCode",
      "oneByteClose", "newMessageInFragments"})
  void framesThatBreakTheProtocolCloseWith1002(String kind) throws Exception {
    try (RawWebSocket raw = connect(false)) {
      switch (kind) {
        case "unmasked" -> raw.sendBytes(new byte[] {(byte) 0x81, 0x02, '{', '}'});
        case "continuation" -> raw.sendFragment(true, 0, PING_ACTION);
        case "rsv" -> raw.send(RawWebSocket.TEXT, true, PING_ACTION);
        case "opcode" -> raw.send(0x3, false, PING_ACTION);
        case "bigPing" -> raw.send(RawWebSocket.PING, false, new byte[126]);
        case "fragmentedPing" -> raw.sendFragment(false, RawWebSocket.PING, new byte[1]);
        case "closeCode" -> raw.send(RawWebSocket.CLOSE, false, new byte[] {0x03, (byte) 0xED});
        case "oneByteClose" -> raw.send(RawWebSocket.CLOSE, false, new byte[] {0x03});
        case "newMessageInFragments" -> {
          raw.sendFragment(false, RawWebSocket.TEXT, part(PING_ACTION, 0, 3));
          raw.sendFragment(true, RawWebSocket.TEXT, PING_ACTION);
        }
        default -> throw new IllegalArgumentException(kind);
      }
      assertEquals(1002, raw.awaitClose(), kind);
    }
  }

  @ParameterizedTest
  @ValueSource(booleans = {false, true})
  void aMessageOverTheLimitInFragmentsClosesWith1009(boolean blocking) throws Exception {
    try (RawWebSocket raw = connect(blocking)) {
      raw.sendFragment(false, RawWebSocket.TEXT, new byte[600]);
      raw.sendFragment(true, 0, new byte[600]);
      assertEquals(1009, raw.awaitClose());
    }
  }

  @ParameterizedTest
  @ValueSource(booleans = {false, true})
  void aTextMessageSplitInsideACharacterIsValidOnceJoined(boolean blocking) throws Exception {
    try (RawWebSocket raw = connect(blocking)) {
      byte[] ping = "{\"action\":\"ping\",\"ref\":\"é\"}".getBytes(StandardCharsets.UTF_8);
      int inside = ping.length - 3; // between the two bytes of é
      raw.sendFragment(false, RawWebSocket.TEXT, part(ping, 0, inside));
      raw.sendFragment(true, 0, part(ping, inside, ping.length));
      RawWebSocket.Received answer = raw.receive();
      assertEquals(RawWebSocket.TEXT, answer.opcode());
      assertTrue(answer.text().contains("pong"), answer.text());
    }
  }

  @ParameterizedTest
  @ValueSource(booleans = {false, true})
  void framesSentWithTheUpgradeRequestAreHandled(boolean blocking) throws Exception {
    connect(blocking).close();
    try (java.net.Socket socket = new java.net.Socket()) {
      socket.connect(new InetSocketAddress("127.0.0.1", server.port()), 10_000);
      socket.setSoTimeout(10_000);
      ByteArrayOutputStream request = new ByteArrayOutputStream();
      request.writeBytes(("GET /ws/chat/lean/ HTTP/1.1\r\nHost: 127.0.0.1\r\nUpgrade: websocket\r\n"
          + "Connection: Upgrade\r\nSec-WebSocket-Version: 13\r\nSec-WebSocket-Key: dGhlIHNhbXBsZSBub25jZQ==\r\n"
          + "Sec-WebSocket-Extensions: permessage-deflate; client_max_window_bits\r\n\r\n")
          .getBytes(StandardCharsets.US_ASCII));
      request.writeBytes(RawWebSocket.frame(true, RawWebSocket.TEXT, false, PING_ACTION));
      socket.getOutputStream().write(request.toByteArray());
      InputStream in = socket.getInputStream();
      String head = RawWebSocket.readHead(in);
      assertTrue(head.startsWith("HTTP/1.1 101"), head);
      // RFC 6455's own example key and answer; the deflate offer is declined by not answering it.
      assertTrue(head.contains("Sec-WebSocket-Accept: s3pPLMBiTxaQ9kYGzzhZRbK+xOo="), head);
      assertFalse(head.toLowerCase(java.util.Locale.ROOT).contains("sec-websocket-extensions"), head);
      DataInputStream frames = new DataInputStream(in);
      assertEquals(0x81, frames.readUnsignedByte(), "final text frame");
      byte[] pong = new byte[frames.readUnsignedByte()];
      frames.readFully(pong);
      assertEquals(PONG, new String(pong, StandardCharsets.UTF_8));
    }
  }

  @ParameterizedTest
  @ValueSource(strings = {"12", ""})
  void anUpgradeWithoutVersion13OrAKeyIsNotUpgraded(String version) throws Exception {
    connect(false).close();
    RawHttp.Answer answer = version.isEmpty()
        ? RawHttp.get(server.port(), "/ws/chat/lean/", "Upgrade: websocket", "Connection: Upgrade",
            "Sec-WebSocket-Version: 13")
        : RawHttp.get(server.port(), "/ws/chat/lean/", "Upgrade: websocket", "Connection: Upgrade",
            "Sec-WebSocket-Version: " + version, "Sec-WebSocket-Key: dGhlIHNhbXBsZSBub25jZQ==");
    assertEquals(426, answer.status(), answer.headers());
  }
}
