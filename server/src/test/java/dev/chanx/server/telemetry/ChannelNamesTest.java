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

  @Test
  void keysBeyondTheKeptSlotsAndCopiesOfKeysFindTheirChannel() {
    ChannelNames names = new ChannelNames();
    names.add("chat");
    names.add("chatter");
    // Far more keys than slots, each asked twice, then as a copy: answers never mix up keys.
    for (int round = 0; round < 3; round++) {
      for (int i = 0; i < 2_000; i++) {
        String key = (i % 2 == 0 ? "chat/room-" : "chatter/room-") + i;
        String asked = round < 2 ? key.intern() : new String(key);
        assertEquals(i % 2 == 0 ? "chat" : "chatter", names.of(asked, "unknown"), asked);
      }
    }
  }

  @Test
  void anUnknownKeyGetsTheAnswerOfEachCall() {
    ChannelNames names = new ChannelNames();
    names.add("chat");
    String key = "nope/room".intern();
    assertEquals("first", names.of(key, "first"));
    assertEquals("second", names.of(key, "second"));
  }
}
