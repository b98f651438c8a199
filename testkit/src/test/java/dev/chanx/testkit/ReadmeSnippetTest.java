package dev.chanx.testkit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import dev.chanx.core.message.Message;
import dev.chanx.server.AuthResult;
import dev.chanx.server.ChanxServer;
import dev.chanx.server.testing.ChatRoom;
import dev.chanx.server.testing.chat.ChatMessagePayload;
import dev.chanx.server.testing.chat.ChatPath;
import dev.chanx.server.testing.chat.ChatRoute;
import dev.chanx.server.testing.chat.ChatServerMessage;
import dev.chanx.server.testing.chat.NewChatMessage;
import dev.chanx.server.testing.chat.PingMessage;
import dev.chanx.server.testing.chat.PongMessage;
import dev.chanx.testkit.FakeConnection.Broadcast;
import java.net.URI;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * The README's "Testing your handlers" and authentication snippets, on the runtime's test chat,
 * which is generated: the same types the README names.
 */
@Timeout(value = 60, unit = TimeUnit.SECONDS)
class ReadmeSnippetTest {

  @RegisterExtension
  static ChanxServerExtension server = ChanxServerExtension.of(
      () -> ChatServers.chat(new ChatRoom(), config -> config.completionFrames(true)));

  @Test
  void aMessageReachesTheOthersInTheRoom() {
    ChanxTestClient<Message> ann = server.client("/ws/chat/room1/").connect();
    ChanxTestClient<Message> bob = server.client("/ws/chat/room1/").connect();
    ann.send(new NewChatMessage(new ChatMessagePayload("hi", "Ann")));
    assertEquals(List.of(), ann.receiveAll());                          // every frame up to "complete"
    assertEquals("hi", bob.expect(NewChatMessage.class).payload().message());
    ann.send(new PingMessage()).expect(PongMessage.class);
    server.client("/ws/chat/room1/").origin("https://evil.example").assertRefused(403);
  }

  @Test
  void aHandlerWithoutASocket() {
    FakeConnection<ChatServerMessage, ChatPath> ann = FakeConnection.of(new ChatPath("room1"));
    ChatRoom room = new ChatRoom();
    room.onConnect(ann);
    NewChatMessage hi = new NewChatMessage(new ChatMessagePayload("hi", "Ann"));
    assertNull(room.handleNewChatMessage(hi, ann));
    assertEquals(List.of(new Broadcast<>(hi, Set.of("room1"), true)), ann.broadcasts());
  }

  /** Who a session cookie stands for. */
  record User(String name, Set<String> rooms) {}

  @Test
  void theSecuritySectionsAuthenticatorAndAuthorizer() {
    Map<String, User> users = Map.of("s1", new User("ann", Set.of("room1")));
    Sessions sessions = id -> Optional.ofNullable(users.get(id));
    ChatRoom room = new ChatRoom();
    // tag::authenticate[]
    ChanxServer chat = ChanxServer.create(config -> {
      config.host("127.0.0.1").port(0);
      config.authenticate(request -> request.cookie("session")
          .flatMap(sessions::user)
          .map(AuthResult::ok)
          .orElse(AuthResult.unauthorized("Authentication credentials were not provided.")));
      config.channel(ChatRoute.create(), room, channel -> channel
          .authorize((user, path) -> ((User) user).rooms().contains(path.groupName())));  // else 403
    }).start();
    // end::authenticate[]
    try {
      String base = "ws://127.0.0.1:" + chat.port();
      ClientBuilder.to(URI.create(base + "/ws/chat/room1/")).assertRefused(401);
      ClientBuilder.to(URI.create(base + "/ws/chat/room2/")).cookie("session", "s1").assertRefused(403);
      ChanxTestClient<Message> ann = ClientBuilder.to(URI.create(base + "/ws/chat/room1/"))
          .cookie("session", "s1").connect();
      Optional<User> user = room.connected.poll(10, TimeUnit.SECONDS).principal();
      assertEquals("ann", user.orElseThrow().name());
      ann.close();
    } catch (InterruptedException e) {
      throw new IllegalStateException(e);
    } finally {
      chat.stop();
    }
  }

  /** Where the application keeps its sessions. */
  interface Sessions {
    Optional<User> user(String sessionId);
  }
}
