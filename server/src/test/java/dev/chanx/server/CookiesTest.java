package dev.chanx.server;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import org.junit.jupiter.api.Test;

class CookiesTest {

  @Test
  void aCookieIsFoundByItsExactNameAndUnquoted() {
    String header = "theme=dark; session=abc123; sessionid=\"quoted value\"";
    assertEquals("abc123", Cookies.find(header, "session"));
    assertEquals("quoted value", Cookies.find(header, "sessionid"));
    assertEquals("dark", Cookies.find(header, "theme"));
    assertNull(Cookies.find(header, "sess"));
    assertEquals("", Cookies.find("empty=", "empty"));
    assertNull(Cookies.find("novalue", "novalue"));
  }
}
