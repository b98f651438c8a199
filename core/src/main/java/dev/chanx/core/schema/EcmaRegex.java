package dev.chanx.core.schema;

import java.util.regex.Pattern;
import java.util.regex.PatternSyntaxException;

/**
 * Translates ECMA-262 regular expressions, as JSON Schema writes them (no flags), into
 * {@link java.util.regex} sources that match the same strings. Where the two differ the source is
 * rewritten: {@code \s} gets ECMA's Unicode spaces, {@code .} stops only at ECMA's four line
 * terminators, {@code $} matches only at the end, {@code \b} uses ASCII word characters,
 * {@code [^]} and {@code []} mean any and no character, {@code \cX}, {@code \0} and {@code \v}
 * become code points. What Java cannot express faithfully is refused: a backreference to a group
 * that may not have matched (ECMA matches it as empty, Java fails), group names Java does not
 * allow, and lookbehinds Java cannot bound. One difference remains: Java matches by code point
 * where ECMA without the {@code u} flag matches by UTF-16 unit, which only shows on characters
 * outside the Basic Multilingual Plane.
 */
public final class EcmaRegex {

  private EcmaRegex() {}

  /**
   * The {@link java.util.regex} source for an ECMA-262 pattern (without flags).
   *
   * @param ecma the ECMA-262 pattern
   * @return the Java source that matches what the pattern matches
   * @throws IllegalArgumentException when the pattern is not valid ECMA-262, or Java has no
   *     faithful translation of it; the message says why
   */
  public static String toJava(String ecma) {
    String java = new EcmaTranslator(ecma).translate();
    try {
      Pattern.compile(java);
    } catch (PatternSyntaxException e) {
      throw new EcmaTranslator.Untranslatable("Java cannot compile the translation of /" + ecma + "/: "
          + e.getDescription());
    }
    return java;
  }

  /**
   * Whether the text is a valid ECMA-262 regular expression (for {@code format: regex}), whether
   * or not Java can run it.
   *
   * @param ecma the text
   * @return whether the text is a valid ECMA-262 regular expression
   */
  public static boolean isValid(String ecma) {
    try {
      new EcmaTranslator(ecma).translate();
      return true;
    } catch (EcmaTranslator.Untranslatable e) {
      return true;
    } catch (IllegalArgumentException e) {
      return false;
    }
  }
}
