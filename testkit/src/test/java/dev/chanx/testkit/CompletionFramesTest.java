package dev.chanx.testkit;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.chanx.server.ChannelPublisher;
import dev.chanx.server.ChanxServer;
import dev.chanx.server.testing.ChatRoom;
import dev.chanx.server.testing.ChatRoutes;
import dev.chanx.server.testing.chat.ChatRoute;
import dev.chanx.server.testing.chat.ChatServerMessage;
import dev.chanx.server.testing.chat.NoticeMessage;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.extension.RegisterExtension;

/** {@code complete}, {@code group_complete} and {@code event_complete}, on the channels that ask for them. */
@Timeout(value = 60, unit = TimeUnit.SECONDS)
class CompletionFramesTest {

  private static final ChatRoom ROOM = new ChatRoom();

  @RegisterExtension
  static ChanxServerExtension server = ChanxServerExtension.of(() ->
      ChanxServer.create(config -> config.host("127.0.0.1").port(0)
      .completionFrames(true)
      .channel(ChatRoute.create(), ROOM)
      .channel(ChatRoutes.at("quiet", "ws/quiet/{group_name}/"), new ChatRoom(), quiet -> quiet.completionFrames(false))));

  @Test
  void everyClientFrameEndsWithCompleteWhateverBecameOfIt() {
    ChanxTestClient<ChatServerMessage> client = server.client("/ws/chat/done/", ChatServerFrames::decode).connect();
    assertEquals(List.of("pong"), actions(client.send("{\"action\":\"ping\"}").receiveAll()));
    assertEquals(List.of("error"), actions(client.send("{\"action\":\"new_chat_message\"}").receiveAll()));
    assertEquals(List.of("error"), actions(client.send("{\"action\":\"boom\"}").receiveAll()));
    assertEquals(List.of("error"), actions(client.send("not json").receiveAll()));
    assertEquals(List.of("error"), actions(client.sendBinary(new byte[] {1, 2}).receiveAll()));
    // A broadcast to the others: nothing for the sender but complete.
    assertEquals(List.of(), client.send(chat("Ann", "hi")).receiveAll());
  }

  @Test
  void everyBroadcastFrameIsFollowedByGroupComplete() {
    ChanxTestClient<ChatServerMessage> ann = server.client("/ws/chat/group/", ChatServerFrames::decode).connect();
    ChanxTestClient<ChatServerMessage> bob = server.client("/ws/chat/group/", ChatServerFrames::decode).connect();
    ann.send(chat("Ann", "hello")).receiveAll();
    assertEquals(List.of("new_chat_message"), actions(bob.receiveAll("group_complete")));
    ann.send(chat("Ann", "again")).receiveAll();
    assertEquals(List.of("new_chat_message"), actions(bob.receiveAll("group_complete")));
    bob.assertNothingWithin(Duration.ofMillis(200));
  }

  @Test
  void everyPushedEventIsFollowedByEventComplete() throws Exception {
    ChannelPublisher<ChatServerMessage> publisher = server.server().publisher(ChatRoute.create());
    ChanxTestClient<ChatServerMessage> client = server.client("/ws/chat/pushed/", ChatServerFrames::decode).connect();
    client.send("{\"action\":\"ping\"}").receiveAll();
    String id = connectionIdOf("pushed");
    publisher.send(id, new NoticeMessage("to you"));
    assertEquals(new NoticeMessage("to you"), client.expect(NoticeMessage.class));
    client.expectAction("event_complete");
    publisher.broadcast(new NoticeMessage("to the room"), "pushed");
    assertEquals(new NoticeMessage("to the room"), client.expect(NoticeMessage.class));
    client.expectAction("event_complete");
  }

  @Test
  void aChannelThatTurnsThemOffSendsNone() {
    ChanxTestClient<?> client = server.client("/ws/quiet/room/").connect();
    client.send("{\"action\":\"ping\"}").expectAction("pong");
    client.send("{\"action\":\"boom\"}").expectError();
    client.assertNothingWithin(Duration.ofMillis(200));
  }

  private static String connectionIdOf(String group) throws InterruptedException {
    while (true) {
      var connection = ROOM.connected.poll(10, TimeUnit.SECONDS);
      if (connection.path().groupName().equals(group)) {
        return connection.id();
      }
    }
  }

  private static String chat(String name, String message) {
    return "{\"action\":\"new_chat_message\",\"payload\":{\"message\":\"" + message + "\",\"name\":\"" + name + "\"}}";
  }

  static List<String> actions(List<Frame> frames) {
    return frames.stream().map(Frame::action).toList();
  }
}
