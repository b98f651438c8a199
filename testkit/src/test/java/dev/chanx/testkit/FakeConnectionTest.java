package dev.chanx.testkit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import dev.chanx.server.testing.ChatRoom;
import dev.chanx.server.testing.HoppingRoom;
import dev.chanx.server.testing.chat.ChatMessagePayload;
import dev.chanx.server.testing.chat.ChatPath;
import dev.chanx.server.testing.chat.ChatServerMessage;
import dev.chanx.server.testing.chat.NewChatMessage;
import dev.chanx.server.testing.chat.PingMessage;
import dev.chanx.server.testing.chat.PongMessage;
import dev.chanx.testkit.FakeConnection.Broadcast;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** Handlers tested without a socket: the fake connection records what they do. */
class FakeConnectionTest {

  private static final NewChatMessage HELLO = new NewChatMessage(new ChatMessagePayload("hello", "Ann"));

  @Test
  void aChatMessageGoesToTheOthersInTheRoomAndNothingComesBack() {
    ChatRoom room = new ChatRoom();
    FakeConnection<ChatServerMessage, ChatPath> ann = FakeConnection.of(new ChatPath("room1"));
    room.onConnect(ann);
    assertEquals(Set.of("room1"), ann.groups());
    assertNull(room.handleNewChatMessage(HELLO, ann));
    assertEquals(List.of(new Broadcast<>(HELLO, Set.of("room1"), true)), ann.broadcasts());
    assertEquals(List.of(), ann.sent());
  }

  @Test
  void aReplyIsTheHandlersReturnValue() {
    assertEquals(new PongMessage(), new ChatRoom().handlePing(new PingMessage(), FakeConnection.of(new ChatPath("room1"))));
  }

  @Test
  void broadcastsToNamedGroupsAreRecordedWithThem() {
    FakeConnection<ChatServerMessage, ChatPath> ann = FakeConnection.of(new ChatPath("room1"));
    new HoppingRoom().handleNewChatMessage(new NewChatMessage(new ChatMessagePayload("hi", "room9")), ann);
    assertEquals(Set.of("room9"), ann.broadcasts().get(0).groups());
  }

  @Test
  void theRequestAndThePrincipalAreWhatTheTestSays() {
    FakeConnection<ChatServerMessage, ChatPath> ann = FakeConnection.<ChatServerMessage, ChatPath>of(new ChatPath("r"))
        .id("node.7").principal("ann").header("X-Token", "t").query("lang", "nb");
    assertEquals("node.7", ann.id());
    assertEquals(Optional.of("ann"), ann.principal());
    assertEquals(Optional.of("t"), ann.header("x-token"));
    assertEquals(Optional.of("nb"), ann.queryParameter("lang"));
    ann.close(1008, "bye");
    assertEquals(Optional.of(1008), ann.closeCode());
  }
}
