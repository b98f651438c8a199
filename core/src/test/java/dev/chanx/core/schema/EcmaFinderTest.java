package dev.chanx.core.schema;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/** The finder answers as the Java translation does, by its automaton or by the translation itself. */
class EcmaFinderTest {

  // Patterns of the kinds documents write, and edge cases of the automaton's grammar.
  private static final List<String> PATTERNS = List.of(
      "^SKU-[0-9]{5}$", "^ord-[0-9]{4}-[0-9]{6}$", "^[A-Z]{2}$", "^[A-Z0-9][A-Z0-9 -]{1,10}$",
      "^\\+[1-9][0-9]{6,14}$", "^[A-Z]{2}[0-9]{2}[A-Z0-9]{11,30}$", "^[0-9]{4}$", "^batch-[0-9a-f]{8}$",
      "^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$", "abc", "a+b*c?", "^a*$", "a*$", "^$",
      "", "x{2,}", "x{0,3}y", "[-a]b", "[a-]b", "[\\d.]+", "\\w+@\\w+\\.\\w{2,3}", "^\\d\\d?$", "[.]", "\\.",
      "^[\\-+]?[0-9]+$", "a{3}", "^a{0}b$", "ab?c+d*e{1,2}$", "^[ab]*[bc]{2}$", "[ -~]+",
      // Not for the automaton: the translation answers.
      "^(0[1-9]|1[0-2])/[0-9]{2}$", "^[A-Z]{6}[A-Z0-9]{2}([A-Z0-9]{3})?$", "a|b", "^.{2}$", "[^a]", "\\bx",
      "a+?", "a{,2}}", "[]", "[^]", "\\s", "é+", "\\u0041", "]", "}");

  private static final String ALPHABET = "abcxyzABZ0159-+. _@/{},é\u00a0\n\uD83D\uDE00";

  @Test
  void answersAsTheTranslation() {
    Random random = new Random(7);
    List<String> texts = new ArrayList<>(List.of("", "SKU-00042", "ord-2024-000042", "GB", "SW1Y 4JH",
        "+442079460000", "GB82WEST12345698765432", "4242", "batch-0a1b2c3d", "3f2b8c1e-9a4d-4e7b-8c21-5d6f7a8b9c0d",
        "09/27", "NWBKGB2L", "a@b.co", "abc\n", "aab", "bbcc", "xx", "yyy"));
    for (int i = 0; i < 3000; i++) {
      StringBuilder text = new StringBuilder();
      for (int n = random.nextInt(12); n > 0; n--) {
        text.append(ALPHABET.charAt(random.nextInt(ALPHABET.length())));
      }
      texts.add(text.toString());
    }
    for (String ecma : PATTERNS) {
      Pattern java = Pattern.compile(EcmaRegex.toJava(ecma));
      EcmaFinder finder = EcmaFinder.compile(ecma);
      List<String> own = new ArrayList<>(texts);
      // Texts made of the pattern's own characters, so that anchored patterns match some of them.
      String letters = ecma.replaceAll("[\\\\^$\\[\\]{}()?*+|]", "") + "0123456789";
      for (int i = 0; i < 3000; i++) {
        StringBuilder text = new StringBuilder();
        for (int n = random.nextInt(40); n > 0; n--) {
          text.append(letters.charAt(random.nextInt(letters.length())));
        }
        own.add(text.toString());
      }
      for (String text : own) {
        assertEquals(java.matcher(text).find(), finder.find(text), () -> "/" + ecma + "/ on \"" + text + "\"");
      }
    }
  }

  @Test
  void theAutomatonTakesOnlyAsciiSequences() {
    assertNotNull(EcmaFinder.Steps.parse("^SKU-[0-9]{5}$"));
    assertNotNull(EcmaFinder.Steps.parse("^[A-Z0-9][A-Z0-9 -]{1,10}$"));
    assertNull(EcmaFinder.Steps.parse("^(0[1-9]|1[0-2])$"));
    assertNull(EcmaFinder.Steps.parse("[^a]"));
    assertNull(EcmaFinder.Steps.parse("é"));
    assertNull(EcmaFinder.Steps.parse("a{64}"), "more steps than a long holds");
  }

  @Test
  void refusesWhatTheTranslationRefuses() {
    assertThrows(IllegalArgumentException.class, () -> EcmaFinder.compile("(a"));
  }
}
