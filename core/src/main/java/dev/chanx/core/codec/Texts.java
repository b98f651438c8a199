package dev.chanx.core.codec;

import java.util.List;

/** Formats values inside error messages the way Pydantic (Python) prints them. */
public final class Texts {

  private Texts() {}

  /**
   * Python's {@code repr} of a string: single quotes unless the text holds one and no double.
   *
   * @param text the string to show
   * @return the string quoted and escaped as Python prints it
   */
  public static String repr(String text) {
    char quote = text.indexOf('\'') >= 0 && text.indexOf('"') < 0 ? '"' : '\'';
    StringBuilder out = new StringBuilder(text.length() + 2).append(quote);
    for (int i = 0; i < text.length(); i++) {
      char c = text.charAt(i);
      switch (c) {
        case '\\' -> out.append("\\\\");
        case '\n' -> out.append("\\n");
        case '\r' -> out.append("\\r");
        case '\t' -> out.append("\\t");
        default -> {
          if (c == quote) {
            out.append('\\');
          }
          out.append(c);
        }
      }
    }
    return out.append(quote).toString();
  }

  /**
   * Pydantic's list of expected values: {@code 'a', 'b' or 'c'}.
   *
   * @param shown the values, each already as it should be shown
   * @return the values joined by commas, the last by {@code or}
   */
  public static String oneOf(List<String> shown) {
    if (shown.size() == 1) {
      return shown.get(0);
    }
    return String.join(", ", shown.subList(0, shown.size() - 1)) + " or " + shown.get(shown.size() - 1);
  }

  /**
   * A count and its noun: {@code 1 item}, {@code 3 items}.
   *
   * @param n how many
   * @param noun the singular noun
   * @return the count followed by the noun, plural unless the count is one
   */
  public static String count(long n, String noun) {
    return n + " " + noun + (n == 1 ? "" : "s");
  }
}
