package dev.chanx.server;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.chanx.server.channel.Connection;
import dev.chanx.server.testing.ChatRoom;
import dev.chanx.server.testing.RecordingLayer;
import dev.chanx.server.testing.TestClient;
import dev.chanx.server.testing.chat.ChatPath;
import dev.chanx.server.testing.chat.ChatRoute;
import dev.chanx.server.testing.chat.ChatServerMessage;
import dev.chanx.server.testing.chat.NoticeMessage;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/** The tutorial chat over real sockets: rooms, ping, errors, ordering, pushes. */
@Timeout(value = 60, unit = TimeUnit.SECONDS)
class ChanxServerChatTest {

  private static final String PING = "{\"action\":\"ping\"}";
  private static final String PONG = "{\"action\":\"pong\",\"payload\":null}";

  private static final ChatRoom room = new ChatRoom();
  private static final RecordingLayer layer = new RecordingLayer();
  private static ChanxServer server;

  @BeforeAll
  static void start() {
    server = ChanxServer.create(config -> config.host("127.0.0.1").port(0).layer(layer)
        .channel(ChatRoute.create(), room)).start();
  }

  @AfterAll
  static void stop() {
    server.stop();
  }

  private static TestClient join(String group) throws Exception {
    return TestClient.connect(server.port(), "/ws/chat/" + group + "/");
  }

  @Test
  void chatMessageReachesTheOthersInTheRoomOnlyExactlyAsSent() throws Exception {
    try (TestClient alice = join("room1"); TestClient bob = join("room1"); TestClient carol = join("room2")) {
      String hello = "{\"action\":\"new_chat_message\",\"payload\":{\"message\":\"Hello everyone!\",\"name\":\"Alice\"}}";
      alice.send(hello);
      bob.expect(hello);
      // Frames of one socket leave in order: had the broadcast reached Alice or Carol, it would come before pong.
      alice.send(PING).expect(PONG);
      carol.send(PING).expect(PONG);
    }
  }

  @Test
  void pingGetsPong() throws Exception {
    try (TestClient client = join("pings")) {
      client.send(PING).expect(PONG);
      client.send("{\"action\":\"ping\",\"payload\":null}").expect(PONG);
    }
  }

  @Test
  void textThatIsNotJsonOrNotAnObjectGetsJsonInvalidAndTheSocketStaysOpen() throws Exception {
    try (TestClient client = join("broken")) {
      client.send("hello");
      assertTrue(client.next().startsWith(
          "{\"action\":\"error\",\"payload\":[{\"type\":\"json_invalid\",\"loc\":[],\"msg\":\"Invalid JSON: "));
      client.send("[1,2]").expect("{\"action\":\"error\",\"payload\":[{\"type\":\"json_invalid\",\"loc\":[],"
          + "\"msg\":\"Invalid JSON: expected an object, got an array\"}]}");
      client.send("{\"action\":\"ping\"} trailing");
      assertTrue(client.next().contains("json_invalid"));
      client.send(PING).expect(PONG);
    }
  }

  @Test
  void binaryFrameGetsAnErrorAndTheSocketStaysOpen() throws Exception {
    try (TestClient client = join("binary")) {
      client.sendBinary(new byte[] {1, 2, 3});
      client.expect("{\"action\":\"error\",\"payload\":[{\"type\":\"json_invalid\",\"loc\":[],"
          + "\"msg\":\"Invalid JSON: binary frames are not accepted, send a text frame\"}]}");
      client.send(PING).expect(PONG);
    }
  }

  @Test
  void validationErrorsComeBackAsAList() throws Exception {
    try (TestClient client = join("invalid")) {
      client.send("{\"action\":\"nonexistent_action\"}");
      client.expect("{\"action\":\"error\",\"payload\":[{\"type\":\"union_tag_invalid\",\"loc\":[],\"msg\":\"Input tag "
          + "'nonexistent_action' found using 'action' does not match any of the expected tags: "
          + "'new_chat_message', 'ping', 'boom', 'slow'\"}]}");
      client.send("{\"action\":\"new_chat_message\",\"payload\":{\"message\":\"hi\"}}");
      client.expect("{\"action\":\"error\",\"payload\":[{\"type\":\"missing\",\"loc\":[\"new_chat_message\","
          + "\"payload\",\"name\"],\"msg\":\"Field required\"}]}");
    }
  }

  @Test
  void handlerThatThrowsGetsTheDetailErrorAndTheSocketStillWorks() throws Exception {
    try (TestClient client = join("boom")) {
      client.send("{\"action\":\"boom\"}")
          .expect("{\"action\":\"error\",\"payload\":{\"detail\":\"Failed to process message for boom\"}}");
      client.send(PING).expect(PONG);
    }
  }

  @Test
  void replyAndErrorsCarryTheRefOfTheirFrame() throws Exception {
    try (TestClient client = join("refs")) {
      client.send("{\"action\":\"ping\",\"ref\":\"r-1\"}").expect("{\"action\":\"pong\",\"payload\":null,\"ref\":\"r-1\"}");
      client.send("{\"action\":\"ping\",\"ref\":42}").expect("{\"action\":\"pong\",\"payload\":null,\"ref\":42}");
      client.send("{\"action\":\"boom\",\"ref\":\"r-2\"}").expect(
          "{\"action\":\"error\",\"payload\":{\"detail\":\"Failed to process message for boom\"},\"ref\":\"r-2\"}");
      client.send("{\"action\":\"nope\",\"ref\":\"r-3\"}");
      assertTrue(client.next().endsWith("}],\"ref\":\"r-3\"}"));
    }
  }

  @Test
  void closedConnectionLeavesItsGroups() throws Exception {
    TestClient client = join("leaving");
    client.send(PING).expect(PONG);
    assertEquals(1, layer.members("chat/leaving").size());
    client.close();
    String group;
    do {
      group = layer.discarded.poll(10, TimeUnit.SECONDS);
    } while (group != null && !group.equals("chat/leaving"));
    assertEquals(Set.of(), layer.members("chat/leaving"));
  }

  @Test
  void publisherPushesFromAnotherThreadReachAConnectionAndAGroup() throws Exception {
    room.connected.clear();
    try (TestClient one = join("pushes")) {
      one.send(PING).expect(PONG);
      Connection<ChatServerMessage, ChatPath> first = room.connected.poll(10, TimeUnit.SECONDS);
      TestClient two = join("pushes");
      two.send(PING).expect(PONG);
      ChannelPublisher<ChatServerMessage> publisher = server.publisher(ChatRoute.create());
      Thread pusher = new Thread(() -> {
        publisher.send(first.id(), new NoticeMessage("just you"));
        publisher.broadcast(new NoticeMessage("everyone"), "pushes");
      });
      pusher.start();
      pusher.join();
      one.expect("{\"action\":\"notice\",\"payload\":\"just you\"}");
      one.expect("{\"action\":\"notice\",\"payload\":\"everyone\"}");
      two.expect("{\"action\":\"notice\",\"payload\":\"everyone\"}");
      two.close();
    }
  }
}
