package dev.chanx.testkit;

import static org.junit.jupiter.api.Assertions.assertNull;

import dev.chanx.server.testing.ChatRoom;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.extension.RegisterExtension;

/** Browsers may open sockets only from pages the server allows: by default its own host. */
@Timeout(value = 60, unit = TimeUnit.SECONDS)
class OriginCheckTest {

  private static final ChatRoom SAME_HOST_ROOM = new ChatRoom();

  @RegisterExtension
  static ChanxServerExtension sameHost = ChanxServerExtension.of(() -> ChatServers.chat(SAME_HOST_ROOM));

  @RegisterExtension
  static ChanxServerExtension listed = ChanxServerExtension.of(() -> ChatServers.chat(new ChatRoom(),
      config -> config.allowedOrigins("https://app.example.com", "http://localhost:3000/")));

  @RegisterExtension
  static ChanxServerExtension anyOrigin = ChanxServerExtension.of(() -> ChatServers.chat(new ChatRoom(),
      config -> config.allowAnyOrigin()));

  @Test
  void aClientSendingNoOriginIsNotABrowserAndPasses() {
    sameHost.client("/ws/chat/room1/").connect().send("{\"action\":\"ping\"}").expectAction("pong");
  }

  @Test
  void aPageOfTheServersOwnHostPasses() {
    sameHost.client("/ws/chat/room1/").origin("http://127.0.0.1:" + sameHost.port()).connect();
    sameHost.client("/ws/chat/room1/").origin("HTTP://127.0.0.1:" + sameHost.port() + "/").connect();
  }

  @Test
  void aPageOfAnotherSiteIsRefusedWith403BeforeAnythingIsAccepted() throws Exception {
    SAME_HOST_ROOM.connected.clear();
    sameHost.client("/ws/chat/room1/").origin("https://evil.example").assertRefused(403);
    // Same host name, another port: another origin.
    sameHost.client("/ws/chat/room1/").origin("http://127.0.0.1:1").assertRefused(403);
    sameHost.client("/ws/chat/room1/").origin("http://localhost:" + sameHost.port()).assertRefused(403);
    sameHost.client("/ws/chat/room1/").origin("null").assertRefused(403);
    assertNull(SAME_HOST_ROOM.connected.poll(200, TimeUnit.MILLISECONDS), "the handler saw a refused client");
  }

  @Test
  void listedOriginsPassBesideTheServersOwnAndOthersAreRefused() {
    listed.client("/ws/chat/room1/").origin("https://app.example.com").connect();
    listed.client("/ws/chat/room1/").origin("https://APP.example.com:443").connect();
    listed.client("/ws/chat/room1/").origin("http://localhost:3000").connect();
    listed.client("/ws/chat/room1/").origin("http://127.0.0.1:" + listed.port()).connect();
    listed.client("/ws/chat/room1/").origin("http://app.example.com").assertRefused(403);
    listed.client("/ws/chat/room1/").origin("https://app.example.com.evil.example").assertRefused(403);
  }

  @Test
  void anyOriginPassesWhenTheServerSaysSo() {
    anyOrigin.client("/ws/chat/room1/").origin("https://evil.example").connect();
  }
}
