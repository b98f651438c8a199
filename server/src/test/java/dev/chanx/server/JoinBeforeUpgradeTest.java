package dev.chanx.server;

import dev.chanx.server.testing.ChatRoom;
import dev.chanx.server.testing.TestClient;
import dev.chanx.server.testing.UpgradeRace;
import dev.chanx.server.testing.chat.ChatRoute;
import dev.chanx.server.testing.chat.NoticeMessage;
import java.time.Duration;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/**
 * With compression on, Jetty's WebSocket carries the sockets, and a socket is still in its groups
 * before its client sees the upgrade answered (our own transport has the same tests in {@link
 * TransportBehaviour}). The chat's {@code onConnect} is made slow, so that a server answering
 * first would lose the group send every time, not now and then.
 */
@Timeout(value = 60, unit = TimeUnit.SECONDS)
class JoinBeforeUpgradeTest {

  private final ChatRoom room = new ChatRoom();
  private ChanxServer server;

  @BeforeEach
  void start() {
    room.joinDelay = Duration.ofMillis(300);
    server = ChanxServer.create(config -> config.host("127.0.0.1").port(0).compression(true)
        .maxConnections(1).channel(ChatRoute.create(), room)).start();
  }

  @AfterEach
  void stop() {
    server.stop();
  }

  @Test
  void aGroupSendRightAfterTheUpgradeReachesTheNewSocket() throws Exception {
    try (TestClient client = TestClient.connect(server.port(), "/ws/chat/lobby/")) {
      server.publisher(ChatRoute.create()).broadcast(new NoticeMessage("welcome"), "lobby");
      client.expect("{\"action\":\"notice\",\"payload\":\"welcome\"}");
    }
  }

  @Test
  void aClientGoneBeforeTheAnswerIsDisconnectedAndFreesItsSlot() throws Exception {
    UpgradeRace.leaveDuringOnConnect(server.port(), "/ws/chat/lobby/", room, true);
    UpgradeRace.leaveDuringOnConnect(server.port(), "/ws/chat/lobby/", room, false);
    room.joinDelay = Duration.ZERO;
    try (TestClient client = TestClient.connect(server.port(), "/ws/chat/lobby/")) {
      client.send("{\"action\":\"ping\"}").expect("{\"action\":\"pong\",\"payload\":null}");
    }
  }
}
