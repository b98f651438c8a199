package dev.chanx.server;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

class OriginCheckTest {

  private static final OriginCheck SAME = OriginCheck.SAME_HOST;

  @Test
  void noOriginIsNoBrowserAndPasses() {
    assertTrue(SAME.allows(null, "chat.example.com"));
  }

  @Test
  void theServersOwnHostPassesWithItsDefaultOrExplicitPort() {
    assertTrue(SAME.allows("https://chat.example.com", "chat.example.com"));
    assertTrue(SAME.allows("http://chat.example.com", "chat.example.com"));
    assertTrue(SAME.allows("http://chat.example.com:8000", "chat.example.com:8000"));
    assertTrue(SAME.allows("https://Chat.Example.com:443", "chat.example.com:443"));
    assertTrue(SAME.allows("http://[::1]:8000", "[::1]:8000"));
  }

  @Test
  void anotherHostOrPortOrSomethingThatIsNoOriginIsRefused() {
    assertFalse(SAME.allows("http://chat.example.com:8001", "chat.example.com:8000"));
    assertFalse(SAME.allows("https://chat.example.com", "chat.example.com:80"));
    assertFalse(SAME.allows("https://evil.example", "chat.example.com"));
    assertFalse(SAME.allows("null", "chat.example.com"));
    assertFalse(SAME.allows("https://chat.example.com/page", "chat.example.com"));
    assertFalse(SAME.allows("chat.example.com", "chat.example.com"));
    assertFalse(SAME.allows("https://chat.example.com", null));
  }

  @Test
  void listedOriginsPassBesideTheOwnHost() {
    OriginCheck listed = SAME.allow("https://app.example.com", "http://localhost:3000/");
    assertTrue(listed.allows("https://app.example.com:443", "api.example.com"));
    assertTrue(listed.allows("http://localhost:3000", "api.example.com"));
    assertTrue(listed.allows("https://api.example.com", "api.example.com"));
    assertFalse(listed.allows("http://app.example.com", "api.example.com"));
    assertTrue(SAME.allowAny().allows("https://evil.example", "api.example.com"));
  }

  @Test
  void aListedOriginMustBeOnlySchemeHostAndPort() {
    IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> SAME.allow("app.example.com"));
    assertEquals("not an origin (scheme://host[:port]): app.example.com", e.getMessage());
    assertThrows(IllegalArgumentException.class, () -> SAME.allow("https://app.example.com/path"));
    assertThrows(IllegalArgumentException.class, () -> SAME.allow("*"));
  }
}
