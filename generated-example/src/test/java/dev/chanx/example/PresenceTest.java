package dev.chanx.example;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.chanx.server.ChanxServer;
import dev.chanx.server.presence.PresenceStore;
import dev.chanx.server.testing.TestClient;
import dev.chanx.testkit.PresenceLog;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.HttpResponse.BodyHandlers;
import java.time.Duration;
import java.util.List;
import java.util.HashSet;
import java.util.Set;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/** The tutorial chat's presence on one node (in memory): who is in a room, by the name in the URL. */
@Timeout(60)
class PresenceTest {

  private static final Duration WAIT = Duration.ofSeconds(10);

  private ChanxServer server;

  @BeforeEach
  void start() {
    server = ChatServer.create(0).start();
  }

  @AfterEach
  void stop() {
    server.stop();
  }

  @Test
  void aMemberWithSeveralTabsJoinsOnceAndLeavesWithItsLastTab() throws Exception {
    String room = room();
    PresenceLog seenByAlice = new PresenceLog();
    try (TestClient alice = TestClient.connect(server.port(), room + "?name=Alice", seenByAlice::accept)) {
      seenByAlice.awaitPresent(Set.of("Alice"), WAIT);
      assertEquals("{\"action\":\"presence_state\",\"payload\":{\"scope\":\"" + name(room)
          + "\",\"members\":[{\"id\":\"Alice\",\"data\":{\"name\":\"Alice\"}}]}}", alice.next());

      TestClient bob1 = TestClient.connect(server.port(), room + "?name=Bob");
      TestClient bob2 = TestClient.connect(server.port(), room + "?name=Bob");
      seenByAlice.awaitPresent(Set.of("Alice", "Bob"), WAIT);
      // A lone join also carries member, as chanx-kit's clients read it.
      assertEquals("{\"action\":\"presence_join\",\"payload\":{\"scope\":\"" + name(room)
          + "\",\"members\":[{\"id\":\"Bob\",\"data\":{\"name\":\"Bob\"}}],"
          + "\"member\":{\"id\":\"Bob\",\"data\":{\"name\":\"Bob\"}}}}", alice.next());
      bob1.close();
      bob1.awaitEnd();
      // Bob still has a tab: nothing may reach Alice.
      alice.assertNothingWithin(Duration.ofMillis(300));
      assertEquals(Set.of("Alice", "Bob"), seenByAlice.present());
      bob2.close();
      seenByAlice.awaitPresent(Set.of("Alice"), WAIT);
      seenByAlice.assertJoinedAndLeftOnce("Bob");
      assertEquals(1, seenByAlice.states());
      seenByAlice.assertConsistent();
    }
  }

  @Test
  void aConnectionWithoutANameIsNeitherTrackedNorTold() throws Exception {
    String room = room();
    PresenceLog seenByAlice = new PresenceLog();
    try (TestClient alice = TestClient.connect(server.port(), room + "?name=Alice", seenByAlice::accept);
        TestClient nobody = TestClient.connect(server.port(), room)) {
      seenByAlice.awaitPresent(Set.of("Alice"), WAIT);
      nobody.send("{\"action\":\"ping\"}");
      assertEquals("{\"action\":\"pong\",\"payload\":null}", nobody.next());
      alice.next();
      alice.assertNothingWithin(Duration.ofMillis(300));
    }
  }

  @Test
  void aPresenceRequestGetsTheStateAgainForItsOwnRoomOnly() throws Exception {
    String room = room();
    try (TestClient alice = TestClient.connect(server.port(), room + "?name=Alice");
        TestClient bob = TestClient.connect(server.port(), room + "?name=Bob")) {
      String stateOfAlice = alice.next();
      assertTrue(stateOfAlice.startsWith("{\"action\":\"presence_state\""), stateOfAlice);
      String stateOfBob = bob.next();
      assertTrue(stateOfBob.contains("\"id\":\"Alice\"") && stateOfBob.contains("\"id\":\"Bob\""), stateOfBob);
      assertTrue(alice.next().startsWith("{\"action\":\"presence_join\""));
      // chanx-kit's re-fetch of the roster: the state as it is now, and no diff repeats it.
      alice.send("{\"action\":\"presence_request\",\"payload\":{\"scope\":\"" + name(room) + "\"}}");
      assertEquals(stateOfBob, alice.next());
      alice.assertNothingWithin(Duration.ofMillis(300));
      // Another room's presence is not this connection's to read: the frame is an unknown action.
      alice.send("{\"action\":\"presence_request\",\"payload\":{\"scope\":\"elsewhere\"}}");
      String refused = alice.next();
      assertTrue(refused.contains("\"error\"") && !refused.contains("presence_state"), refused);
    }
  }

  @Test
  void aThousandJoinsReachASubscriberInAFewFrames() throws Exception {
    String room = room();
    PresenceLog seen = new PresenceLog();
    try (TestClient observer = TestClient.connect(server.port(), room + "?name=observer", seen::accept)) {
      seen.awaitPresent(Set.of("observer"), WAIT);
      // A thousand members tracked straight in the store (as a thousand sockets would be), within a second.
      PresenceStore store = server.presence();
      Set<String> expected = new HashSet<>(Set.of("observer"));
      for (int i = 0; i < 1000; i++) {
        store.track("chat/" + name(room), "c" + i, "member" + i, "{\"name\":\"member" + i + "\"}");
        expected.add("member" + i);
      }
      seen.awaitPresent(expected, WAIT);
      int frames = seen.diffFrames();
      System.out.println("presence: 1000 joins reached a subscriber in " + frames + " frames");
      assertTrue(frames <= 10, () -> "1000 joins took " + frames + " frames");
      for (int i = 0; i < 1000; i++) {
        store.untrack("chat/" + name(room), "c" + i);
      }
      seen.awaitPresent(Set.of("observer"), WAIT);
      assertTrue(seen.diffFrames() - frames <= 10, () -> "1000 leaves took " + (seen.diffFrames() - frames) + " frames");
      seen.assertConsistent();
    }
  }

  @Test
  void theServedDocumentDeclaresThePresenceFrames() throws Exception {
    HttpResponse<String> response = HttpClient.newHttpClient().send(HttpRequest.newBuilder(
        URI.create("http://127.0.0.1:" + server.port() + "/asyncapi/schema/")).build(), BodyHandlers.ofString());
    JsonNode doc = new ObjectMapper().readTree(response.body());
    JsonNode messages = doc.path("channels").path("chat").path("messages");
    for (String frame : List.of("presence_state", "presence_join", "presence_leave")) {
      assertTrue(messages.has(frame), () -> frame + " in " + messages.toString());
    }
    JsonNode operation = doc.path("operations").path("chat_chanx_presence");
    assertEquals("send", operation.path("action").asText());
    assertEquals("#/components/schemas/ChatMember",
        doc.path("components").path("schemas").path("ChatPresenceMember").path("properties").path("data")
            .path("$ref").asText());
  }

  private static String room() {
    return "/ws/chat/presence-" + System.nanoTime() + "/";
  }

  private static String name(String room) {
    return room.substring("/ws/chat/".length(), room.length() - 1);
  }
}
