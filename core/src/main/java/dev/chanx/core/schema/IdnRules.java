package dev.chanx.core.schema;

import java.net.IDN;

/**
 * The IDNA 2008 rules (RFC 5891, 5892) that {@link IDN}, an IDNA 2003 implementation, does not
 * apply: contextual characters, characters IDNA 2008 disallows, and A-labels that must decode.
 * Best effort: no bidi rule and no full derived-property table.
 */
final class IdnRules {

  private IdnRules() {}

  /** {@return whether an {@code xn--} label decodes to a valid U-label} */
  static boolean isALabel(String label) {
    String unicode = Punycode.decode(label.substring(4));
    if (unicode == null || unicode.isEmpty() || unicode.chars().allMatch(c -> c < 128) || !isULabel(unicode)) {
      return false;
    }
    try {
      // Whatever IDNA 2003 itself refuses (unassigned, prohibited) stays refused.
      IDN.toASCII(unicode.replaceAll("[\u200c\u200d]", ""), IDN.USE_STD3_ASCII_RULES);
      return true;
    } catch (IllegalArgumentException e) {
      return false;
    }
  }

  /** {@return whether one label keeps the context rules and has no disallowed character} */
  static boolean isULabel(String label) {
    if (label.startsWith("-") || label.endsWith("-")
        || (label.length() >= 4 && label.charAt(2) == '-' && label.charAt(3) == '-' && !label.startsWith("xn"))) {
      return false;
    }
    if (isMark(label.codePointAt(0))) {
      return false;
    }
    boolean arabicDigits = false;
    boolean extendedDigits = false;
    for (int i = 0; i < label.length(); i = label.offsetByCodePoints(i, 1)) {
      int c = label.codePointAt(i);
      int before = i > 0 ? label.codePointBefore(i) : -1;
      int after = i + Character.charCount(c) < label.length() ? label.codePointAt(i + Character.charCount(c)) : -1;
      switch (c) {
        case 0x0640, 0x07FA, 0x302E, 0x302F, 0x3031, 0x3032, 0x3033, 0x3034, 0x3035, 0x303B -> {
          return false;
        }
        case 0x00B7 -> {
          if (before != 'l' || after != 'l') {
            return false;
          }
        }
        case 0x0375 -> {
          if (after < 0 || Character.UnicodeScript.of(after) != Character.UnicodeScript.GREEK) {
            return false;
          }
        }
        case 0x05F3, 0x05F4 -> {
          if (before < 0 || Character.UnicodeScript.of(before) != Character.UnicodeScript.HEBREW) {
            return false;
          }
        }
        case 0x30FB -> {
          if (!hasJapanese(label)) {
            return false;
          }
        }
        case 0x200D -> {
          if (!isVirama(before)) {
            return false;
          }
        }
        case 0x200C -> {
          if (!isVirama(before) && !(isJoining(before) && isJoining(after))) {
            return false;
          }
        }
        default -> { }
      }
      arabicDigits |= c >= 0x0660 && c <= 0x0669;
      extendedDigits |= c >= 0x06F0 && c <= 0x06F9;
    }
    return !(arabicDigits && extendedDigits);
  }

  /**
   * {@return whether the labels keep the first condition of the RFC 5893 bidi rule}: in a
   * domain with right-to-left text, every label starts with a strong character (L, R or AL).
   */
  static boolean keepsBidiRule(String[] labels) {
    boolean bidi = false;
    for (String label : labels) {
      bidi |= label.codePoints().anyMatch(c -> isRightToLeft(c)
          || Character.getDirectionality(c) == Character.DIRECTIONALITY_ARABIC_NUMBER);
    }
    if (!bidi) {
      return true;
    }
    for (String label : labels) {
      int first = label.codePointAt(0);
      if (!isRightToLeft(first) && Character.getDirectionality(first) != Character.DIRECTIONALITY_LEFT_TO_RIGHT) {
        return false;
      }
    }
    return true;
  }

  private static boolean isRightToLeft(int c) {
    byte direction = Character.getDirectionality(c);
    return direction == Character.DIRECTIONALITY_RIGHT_TO_LEFT
        || direction == Character.DIRECTIONALITY_RIGHT_TO_LEFT_ARABIC;
  }

  /** Approximates the joining types the ZWNJ rule asks for: Arabic, Syriac or N'Ko letters. */
  private static boolean isJoining(int c) {
    if (c < 0 || !Character.isLetter(c)) {
      return false;
    }
    Character.UnicodeScript script = Character.UnicodeScript.of(c);
    return script == Character.UnicodeScript.ARABIC || script == Character.UnicodeScript.SYRIAC
        || script == Character.UnicodeScript.NKO;
  }

  private static boolean isMark(int c) {
    int type = Character.getType(c);
    return type == Character.NON_SPACING_MARK || type == Character.COMBINING_SPACING_MARK
        || type == Character.ENCLOSING_MARK;
  }

  private static boolean hasJapanese(String label) {
    return label.codePoints().anyMatch(c -> c != 0x30FB && switch (Character.UnicodeScript.of(c)) {
      case HIRAGANA, KATAKANA, HAN -> true;
      default -> false;
    });
  }

  /** Viramas (canonical combining class 9) of the common Indic scripts: U+094D, U+09CD, ... */
  private static boolean isVirama(int c) {
    return c > 0 && (c & 0xFF7F) == 0x094D && c >= 0x094D && c <= 0x0D4D || c == 0x0DCA || c == 0x0E3A
        || c == 0x0F84 || c == 0x1039 || c == 0x103A || c == 0x1714 || c == 0x17D2;
  }
}
