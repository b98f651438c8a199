package dev.chanx.server;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.chanx.server.testing.ChatRoom;
import dev.chanx.server.testing.IdleCuttingProxy;
import dev.chanx.server.testing.RawWebSocket;
import dev.chanx.server.testing.RawWebSocket.Received;
import dev.chanx.server.testing.TestClient;
import dev.chanx.server.testing.chat.ChatRoute;
import java.time.Duration;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/** The server pings every socket and closes those that stop answering; the pings keep proxies from cutting quiet sockets. */
@Timeout(value = 60, unit = TimeUnit.SECONDS)
class KeepaliveTest {

  private final ChatRoom room = new ChatRoom();
  private ChanxServer server;

  @AfterEach
  void stop() {
    room.gate.countDown();
    if (server != null) {
      server.stop();
    }
  }

  private int start(Duration keepalive) {
    server = ChanxServer.create(config -> config.host("127.0.0.1").port(0).keepalive(keepalive)
        .channel(ChatRoute.create(), room)).start();
    return server.port();
  }

  @Test
  void aPeerThatAnswersNoPingIsClosedWith1011AtTheTickAfterItsFirstPing() throws Exception {
    int port = start(Duration.ofMillis(200));
    try (RawWebSocket silent = RawWebSocket.connect(port, "/ws/chat/keepalive/", 0, null)) {
      String id = room.connected.poll(10, TimeUnit.SECONDS).id();
      int pings = 0;
      Received frame;
      while ((frame = silent.receive()).opcode() != RawWebSocket.CLOSE) {
        assertEquals(RawWebSocket.PING, frame.opcode(), "only pings before the close");
        pings++;
      }
      // One ping unanswered, closed at the next tick: within two intervals of going silent.
      assertEquals(1, pings);
      assertEquals(1011, frame.closeCode());
      assertEquals(Keepalive.REASON, new String(frame.payload(), 2, frame.payload().length - 2,
          java.nio.charset.StandardCharsets.UTF_8));
      // It does not answer the close either: the server drops it at the tick after.
      assertEquals(id, room.disconnected.poll(10, TimeUnit.SECONDS));
    }
  }

  @Test
  void aPeerThatAnswersEveryPingStaysOpen() throws Exception {
    // An interval the test's own answers keep well inside on a loaded two-core machine.
    int port = start(Duration.ofMillis(250));
    try (RawWebSocket polite = RawWebSocket.connect(port, "/ws/chat/keepalive/", 0, null)) {
      for (int pings = 0; pings < 6; ) {
        Received frame = polite.receive();
        assertEquals(RawWebSocket.PING, frame.opcode(), "still open after " + pings + " pings");
        polite.send(RawWebSocket.PONG, false, frame.payload());
        pings++;
      }
      polite.sendText("{\"action\":\"ping\"}");
      Received reply = polite.receive();
      while (reply.opcode() == RawWebSocket.PING) {
        reply = polite.receive();
      }
      assertEquals("{\"action\":\"pong\",\"payload\":null}", reply.text());
    }
  }

  @Test
  void aHandlerLongerThanTwoIntervalsDoesNotGetItsSocketClosed() throws Exception {
    int port = start(Duration.ofMillis(50));
    try (RawWebSocket busy = RawWebSocket.connect(port, "/ws/chat/keepalive/", 0, null)) {
      busy.sendText("{\"action\":\"slow\",\"payload\":\"take your time\"}");
      assertEquals("take your time", room.slowStarted.poll(10, TimeUnit.SECONDS));
      // Pinged while its frame is handled, though the server cannot read a pong before it is done.
      for (int pings = 0; pings < 5; pings++) {
        assertEquals(RawWebSocket.PING, busy.receive().opcode());
      }
      room.gate.countDown();
      Received reply = busy.receive();
      while (reply.opcode() == RawWebSocket.PING) {
        busy.send(RawWebSocket.PONG, false, reply.payload());
        reply = busy.receive();
      }
      assertEquals("{\"action\":\"echo\",\"payload\":\"take your time\"}", reply.text());
    }
  }

  @Test
  void pingsKeepAQuietSocketOpenThroughAProxyThatCutsIdleConnections() throws Exception {
    int port = start(Duration.ofMillis(300));
    try (IdleCuttingProxy proxy = IdleCuttingProxy.to(port, Duration.ofSeconds(1));
        TestClient quiet = TestClient.connect(proxy.port(), "/ws/chat/proxied/")) {
      // Three times the proxy's idle cut, with nothing sent by either side but pings and pongs.
      assertNull(proxy.cuts.poll(3, TimeUnit.SECONDS));
      assertFalse(quiet.isClosed());
      quiet.send("{\"action\":\"ping\"}").expect("{\"action\":\"pong\",\"payload\":null}");
    }
  }

  @Test
  void withoutKeepaliveTheProxyCutsAQuietSocket() throws Exception {
    int port = start(Duration.ZERO);
    try (IdleCuttingProxy proxy = IdleCuttingProxy.to(port, Duration.ofSeconds(1))) {
      TestClient quiet = TestClient.connect(proxy.port(), "/ws/chat/proxied/");
      assertNotNull(proxy.cuts.poll(10, TimeUnit.SECONDS));
      quiet.awaitEnd();
      assertTrue(quiet.isClosed());
    }
  }

  @Test
  void intervalsAreCheckedOnEntry() {
    ChanxServer.create(config -> {
      IllegalArgumentException negative =
          assertThrows(IllegalArgumentException.class, () -> config.keepalive(Duration.ofSeconds(-1)));
      assertEquals("a keepalive interval must be at least 10 ms, or Duration.ZERO to turn keepalive off: PT-1S",
          negative.getMessage());
      assertThrows(IllegalArgumentException.class, () -> config.keepalive(Duration.ofMillis(5)));
      assertThrows(IllegalArgumentException.class, () -> config.keepalive(null));
      config.keepalive(Duration.ZERO).keepalive(Duration.ofMillis(10));
    });
  }
}
