package dev.chanx.testkit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.chanx.server.ChanxServer;
import dev.chanx.server.channel.Connection;
import dev.chanx.server.testing.ChatRoom;
import dev.chanx.server.testing.chat.ChatPath;
import dev.chanx.server.testing.chat.ChatRoute;
import dev.chanx.server.testing.chat.ChatServerMessage;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.extension.RegisterExtension;

/** The default way: an authenticator and a per-channel authorizer refuse the upgrade itself, with 401 or 403. */
@Timeout(value = 60, unit = TimeUnit.SECONDS)
class AuthenticationTest {

  private static final ChatRoom ROOM = new ChatRoom();

  @RegisterExtension
  static ChanxServerExtension server = ChanxServerExtension.of(() ->
      ChanxServer.create(config -> config.host("127.0.0.1").port(0)
      .authenticate(Users::authenticate)
      .channel(ChatRoute.create(), ROOM, chat -> chat.authorize(Users::mayJoin))));

  @BeforeEach
  void forgetEarlierConnections() {
    ROOM.connected.clear();
  }

  @Test
  void anUpgradeWithoutCredentialsIsRefusedWith401AndNothingIsAccepted() throws Exception {
    server.client("/ws/chat/room1/").assertRefused(401);
    assertNull(ROOM.connected.poll(200, TimeUnit.MILLISECONDS), "the handler saw a refused client");
  }

  @Test
  void theRefusalSaysWhyInJson() throws Exception {
    String answer = RawUpgrade.answer(server.port(), "/ws/chat/room1/?token=mallory");
    assertTrue(answer.startsWith("HTTP/1.1 403 "), answer);
    assertTrue(answer.toLowerCase().contains("\r\ncontent-type: application/json\r\n"), answer);
    assertTrue(answer.endsWith("\r\n\r\n{\"detail\":\"Invalid token.\"}"), answer);
  }

  @Test
  void aTokenInTheQueryACookieOrAHeaderLetsTheClientInAndHandlersSeeThePrincipal() throws Exception {
    server.client("/ws/chat/room1/?token=alice").connect().send("{\"action\":\"ping\"}").expectAction("pong");
    assertEquals(Optional.of(Users.ALICE), principalOfNextConnection());
    server.client("/ws/chat/room1/").cookie("session", "alice").connect();
    assertEquals(Optional.of(Users.ALICE), principalOfNextConnection());
    server.client("/ws/chat/room2/").header("Authorization", "Bearer bob").connect();
    assertEquals(Optional.of(Users.BOB), principalOfNextConnection());
  }

  @Test
  void theAuthorizerDecidesByThePathWhoMayJoinWhichRoom() {
    server.client("/ws/chat/room2/?token=alice").assertRefused(403);
    server.client("/ws/chat/room1/?token=bob").assertRefused(403);
    server.client("/ws/chat/room1/?token=alice").connect();
  }

  @Test
  void theAuthenticatorSeesPathParameters() {
    server.client("/ws/chat/vault/?token=bob").assertRefused(403);
    server.client("/ws/chat/vault/?token=alice").connect();
  }

  @Test
  void anAuthenticatorThatThrowsRefusesWith500() {
    server.client("/ws/chat/room1/?token=boom").assertRefused(500);
  }

  private static Optional<Object> principalOfNextConnection() throws InterruptedException {
    Connection<ChatServerMessage, ChatPath> connection = ROOM.connected.poll(10, TimeUnit.SECONDS);
    return connection.principal();
  }
}
