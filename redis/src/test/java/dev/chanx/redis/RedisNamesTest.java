package dev.chanx.redis;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

class RedisNamesTest {

  /** Names a user could put in a URL to reach someone else's group, or a pattern. */
  static final List<String> HOSTILE = List.of("a", "ab", "a:", ":a", "a:b", "a:b:c", "a*", "*", "?", "a?",
      "[a]", "[", "]", "a b", " ", "a%3Ab", "a%", "%", "a/b", "a\\", "a\nb", "ä", "a\u0000", "n:x", "g:a");

  private final RedisNames names = new RedisNames("app");

  @Test
  void everyHostileNameGetsItsOwnChannelAndComesBack() {
    Set<String> channels = new HashSet<>();
    for (String name : HOSTILE) {
      String channel = names.group("chat/" + name);
      assertTrue(channels.add(channel), "two names share " + channel);
      assertEquals("chat/" + name, names.groupKey(channel));
      assertFalse(names.isNode(channel));
    }
  }

  @Test
  void anEncodedNameHoldsNoSeparatorPatternCharacterOrSpace() {
    for (String name : HOSTILE) {
      String encoded = names.group("chat/" + name).substring("app:g:".length());
      assertTrue(encoded.matches("[A-Za-z0-9._~/%-]+"), encoded);
    }
    assertEquals("app:g:chat/a%3Ab%2A%20%3F%5B", names.group("chat/a:b* ?["));
    assertEquals("app:g:chat/a%253Ab", names.group("chat/a%3Ab"));
  }

  @Test
  void nodeChannelsAreApartFromGroupChannels() {
    assertEquals("app:n:k3x9qa", names.node("k3x9qa"));
    assertTrue(names.isNode(names.node("k3x9qa")));
    assertNull(names.groupKey(names.node("k3x9qa")));
    assertNull(names.groupKey("other:g:chat/a"));
  }

  @Test
  void aNamespaceIsPlain() {
    assertThrows(IllegalArgumentException.class, () -> new RedisNames("a:b"));
    assertThrows(IllegalArgumentException.class, () -> new RedisNames("a*"));
    assertThrows(IllegalArgumentException.class, () -> new RedisNames(""));
  }
}
