package dev.chanx.server;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;

import dev.chanx.server.testing.ChatRoom;
import dev.chanx.server.testing.TestClient;
import dev.chanx.server.testing.chat.ChatRoute;
import dev.chanx.server.testing.chat.NoticeMessage;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * A socket is in its groups before its client sees the upgrade answered, as a Chanx consumer
 * joins before it accepts: {@code onConnect} runs before the 101 is written, on both transports
 * (ours, and Jetty's when compression is on). The chat's {@code onConnect} is made slow here, so
 * that a server answering first would lose the group send every time, not now and then.
 */
@Timeout(value = 60, unit = TimeUnit.SECONDS)
class JoinBeforeUpgradeTest {

  private final ChatRoom room = new ChatRoom();
  private ChanxServer server;

  @AfterEach
  void stop() {
    if (server != null) {
      server.stop();
    }
  }

  private int start(boolean compression, int maxConnections) {
    room.joinDelay = Duration.ofMillis(300);
    server = ChanxServer.create(config -> config.host("127.0.0.1").port(0).compression(compression)
        .maxConnections(maxConnections).channel(ChatRoute.create(), room)).start();
    return server.port();
  }

  @ParameterizedTest(name = "compression {0}")
  @ValueSource(booleans = {false, true})
  void aGroupSendRightAfterTheUpgradeReachesTheNewSocket(boolean compression) throws Exception {
    int port = start(compression, 10);
    try (TestClient client = TestClient.connect(port, "/ws/chat/lobby/")) {
      server.publisher(ChatRoute.create()).broadcast(new NoticeMessage("welcome"), "lobby");
      client.expect("{\"action\":\"notice\",\"payload\":\"welcome\"}");
    }
  }

  @ParameterizedTest(name = "compression {0}")
  @ValueSource(booleans = {false, true})
  void aClientGoneBeforeTheAnswerIsDisconnectedAndFreesItsSlot(boolean compression) throws Exception {
    int port = start(compression, 1);
    try (Socket raw = new Socket()) {
      raw.connect(new InetSocketAddress("127.0.0.1", port), 10_000);
      OutputStream out = raw.getOutputStream();
      out.write(("GET /ws/chat/lobby/ HTTP/1.1\r\nHost: 127.0.0.1:" + port + "\r\nUpgrade: websocket\r\n"
          + "Connection: Upgrade\r\nSec-WebSocket-Version: 13\r\nSec-WebSocket-Key: dGhlIHNhbXBsZSBub25jZQ==\r\n\r\n")
          .getBytes(StandardCharsets.US_ASCII));
      out.flush();
      // Gone with a reset while onConnect still sleeps (300 ms): the 101 has nowhere to go.
      Thread.sleep(100);
      raw.setSoLinger(true, 0);
    }
    assertNotNull(room.connected.poll(10, TimeUnit.SECONDS), "onConnect never ran");
    String id = room.disconnected.poll(10, TimeUnit.SECONDS);
    assertNotNull(id, "the socket admitted before its answer was never closed");
    assertEquals(1006, room.closeCodes.get(id));
    // Its slot is free again: the limit is one.
    room.joinDelay = Duration.ZERO;
    try (TestClient client = TestClient.connect(port, "/ws/chat/lobby/")) {
      client.send("{\"action\":\"ping\"}").expect("{\"action\":\"pong\",\"payload\":null}");
    }
  }
}
