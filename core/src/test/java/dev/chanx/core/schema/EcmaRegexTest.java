package dev.chanx.core.schema;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

class EcmaRegexTest {

  private static boolean finds(String ecma, String text) {
    return Pattern.compile(EcmaRegex.toJava(ecma)).matcher(text).find();
  }

  @Test
  void dollarMatchesOnlyAtTheEnd() {
    assertTrue(finds("^abc$", "abc"));
    assertFalse(finds("^abc$", "abc\n"));
  }

  @Test
  void classesAndDotFollowEcma() {
    assertTrue(finds("^\\s$", "\uFEFF"));
    assertTrue(finds("^\\s$", "\u00A0"));
    assertFalse(finds("^\\S$", "\u2003"));
    assertFalse(finds("\\d", "\u0664"));
    assertFalse(finds("\\w", "\u00E9"));
    assertTrue(finds("^.$", "\u0085"));
    assertFalse(finds("^.$", "\u2028"));
    assertTrue(finds("^[^]$", "\n"));
    assertFalse(finds("[]", "a"));
    assertTrue(finds("^\\cJ$", "\n"));
    assertTrue(finds("^\\ca$", "\u0001"));
    assertTrue(finds("^\\/\\u0041\\x42\\0$", "/AB\u0000"));
    assertTrue(finds("a{,2}}", "a{,2}}"));
    assertFalse(finds("é\\b", "é"), "ECMA's \\b sees only ASCII word characters");
    assertTrue(finds("a\\bé", "aé"));
  }

  @Test
  void namedGroupsAndSafeBackreferences() {
    assertTrue(finds("^(?<x>a)\\k<x>$", "aa"));
    assertTrue(finds("^(a)(b)\\2\\1$", "abba"));
    assertThrows(IllegalArgumentException.class, () -> EcmaRegex.toJava("(a)?\\1"));
    assertThrows(IllegalArgumentException.class, () -> EcmaRegex.toJava("(a)|\\1"));
    assertThrows(IllegalArgumentException.class, () -> EcmaRegex.toJava("\\1(a)"));
  }

  @Test
  void invalidIsToldFromUntranslatable() {
    assertFalse(EcmaRegex.isValid("\\a"));
    assertFalse(EcmaRegex.isValid("(?i)a"));
    assertFalse(EcmaRegex.isValid("a**"));
    assertFalse(EcmaRegex.isValid("[z-a]"));
    assertFalse(EcmaRegex.isValid("\\u{41}"));
    assertTrue(EcmaRegex.isValid("(?<=a+)b"));
    assertTrue(EcmaRegex.isValid("(a)?\\1"));
    assertTrue(finds("(?<=a+)b", "xaab"));
    assertTrue(EcmaRegex.isValid("(?<=a(b|cd)*)x"));
    IllegalArgumentException refused =
        assertThrows(IllegalArgumentException.class, () -> EcmaRegex.toJava("(?<=a(b|cd)*)x"));
    assertTrue(refused.getMessage().contains("Java cannot compile"), refused.getMessage());
    assertEquals("a", EcmaRegex.toJava("a"));
  }
}
