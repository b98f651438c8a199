package dev.chanx.server.telemetry;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

class ChannelNamesTest {

  @Test
  void findsTheHostedChannelOfAGroupKeyAndNothingElse() {
    ChannelNames names = new ChannelNames();
    names.add("chat");
    names.add("chatter");
    names.add("chat");
    String chat = "chat";
    assertSame(names.of("chat/room-1", "unknown"), names.of("chat/room-2", "unknown"));
    assertEquals(chat, names.of("chat/room-1", "unknown"));
    assertEquals("chatter", names.of("chatter/x", "unknown"));
    assertEquals("chat", names.of("chat", "unknown"));
    assertEquals("unknown", names.of("cha/room", "unknown"));
    assertEquals("unknown", names.of("chats/room", "unknown"));
    assertEquals("unknown", names.of("", "unknown"));
    assertEquals("unknown", names.of("/chat", "unknown"));
    assertTrue(names.contains("chatter"));
  }
}
