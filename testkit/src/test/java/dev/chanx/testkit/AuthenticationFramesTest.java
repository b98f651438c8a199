package dev.chanx.testkit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import dev.chanx.server.Authenticator;
import dev.chanx.server.ChanxServer;
import dev.chanx.server.testing.ChatRoom;
import dev.chanx.server.testing.ChatRoutes;
import dev.chanx.server.testing.chat.ChatRoute;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.extension.RegisterExtension;

/** Chanx's way: accept, say how authentication went in an {@code authentication} frame, close with 1008 on failure. */
@Timeout(value = 60, unit = TimeUnit.SECONDS)
class AuthenticationFramesTest {

  private static final String OK =
      "{\"action\":\"authentication\",\"payload\":{\"status_code\":200,\"status_text\":\"OK\",\"data\":{\"detail\":\"OK\"}}}";
  private static final ChatRoom ROOM = new ChatRoom();

  @RegisterExtension
  static ChanxServerExtension server = ChanxServerExtension.of(() ->
      ChanxServer.create(config -> config.host("127.0.0.1").port(0)
      .authenticate(Users::authenticate)
      .authenticationFrames(true)
      .channel(ChatRoute.create(), ROOM, chat -> chat.authorize(Users::mayJoin))
      .channel(ChatRoutes.at("lobby", "ws/lobby/{group_name}/"), new ChatRoom(),
          lobby -> lobby.authenticate(Authenticator.anyone()))
      .channel(ChatRoutes.at("camel", "ws/camel/{group_name}/"), new ChatRoom(), camel -> camel.camelCase(true))));

  @BeforeEach
  void forgetEarlierConnections() {
    ROOM.connected.clear();
  }

  @Test
  void aClientLetInGetsOkFirstThenItsHandlerRuns() throws Exception {
    ChanxTestClient<?> alice = server.client("/ws/chat/room1/?token=alice").connect();
    alice.expectText(OK);
    alice.send("{\"action\":\"ping\"}").expectAction("pong");
    assertEquals(Users.ALICE, ROOM.connected.poll(10, TimeUnit.SECONDS).principal().orElseThrow());
  }

  @Test
  void aClientWithoutCredentialsIsToldWhyThenClosedWith1008() throws Exception {
    ChanxTestClient<?> anonymous = server.client("/ws/chat/room1/").connect();
    anonymous.expectText("{\"action\":\"authentication\",\"payload\":{\"status_code\":401,\"status_text\":"
        + "\"Unauthorized\",\"data\":{\"detail\":\"Authentication credentials were not provided.\"}}}");
    anonymous.assertClosed(1008);
    assertNull(ROOM.connected.poll(200, TimeUnit.MILLISECONDS), "the handler saw a refused client");
  }

  @Test
  void aClientTheAuthorizerRefusesGets403ThenIsClosed() {
    ChanxTestClient<?> bob = server.client("/ws/chat/room1/?token=bob").connect();
    bob.expectText("{\"action\":\"authentication\",\"payload\":{\"status_code\":403,\"status_text\":\"Forbidden\","
        + "\"data\":{\"detail\":\"You do not have permission to perform this action.\"}}}");
    bob.assertClosed(1008);
  }

  @Test
  void aPublicChannelOnAnAuthenticatingServerLetsEveryoneIn() {
    server.client("/ws/lobby/hall/").connect().expectText(OK);
  }

  @Test
  void aCamelCaseChannelCamelizesTheAuthenticationFrame() {
    server.client("/ws/camel/room1/?token=bob").connect().expectText(
        "{\"action\":\"authentication\",\"payload\":{\"statusCode\":200,\"statusText\":\"OK\",\"data\":{\"detail\":\"OK\"}}}");
  }
}
