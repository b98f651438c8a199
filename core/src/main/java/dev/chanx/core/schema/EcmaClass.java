package dev.chanx.core.schema;

/** Writes ECMA-262 escapes and character classes as Java regex source, for {@link EcmaTranslator}. */
final class EcmaClass {

  /** ECMA's {@code \s}: Java's leaves out the Unicode spaces and U+FEFF. */
  private static final String SPACES =
      "\\t\\n\\x{b}\\f\\r \\x{a0}\\x{1680}\\x{2000}-\\x{200a}\\x{2028}\\x{2029}\\x{202f}\\x{205f}\\x{3000}\\x{feff}";
  /** ECMA's {@code \b} is between an ASCII word character and anything else; Java 17's is Unicode. */
  private static final String WORD = "[A-Za-z0-9_]";
  private static final String BOUNDARY = "(?:(?<=" + WORD + ")(?!" + WORD + ")|(?<!" + WORD + ")(?=" + WORD + "))";
  private static final String NOT_BOUNDARY = "(?:(?<=" + WORD + ")(?=" + WORD + ")|(?<!" + WORD + ")(?!" + WORD + "))";

  private EcmaClass() {}

  /** An escape outside a class, the backslash at {@code t.pos}; {@return whether a quantifier may follow}. */
  static boolean atomEscape(EcmaTranslator t) {
    t.pos++;
    if (t.pos >= t.src.length()) {
      throw t.invalid("\\ at end of pattern");
    }
    char c = t.src.charAt(t.pos);
    if (c == 'b' || c == 'B') {
      t.pos++;
      t.out.append(c == 'b' ? BOUNDARY : NOT_BOUNDARY);
      return false;
    }
    if (c >= '1' && c <= '9') {
      int end = t.pos;
      while (end < t.src.length() && Character.isDigit(t.src.charAt(end)) && t.src.charAt(end) < 128) {
        end++;
      }
      int index = end - t.pos > 6 ? Integer.MAX_VALUE : Integer.parseInt(t.src.substring(t.pos, end));
      t.pos = end;
      t.groups.reference(t, index);
      t.out.append("(?:\\").append(index).append(')');
      return true;
    }
    if (c == 'k' && t.groups.hasNames()) {
      int close = t.src.indexOf('>', t.pos);
      if (!t.src.startsWith("k<", t.pos) || close < 0) {
        throw t.invalid("invalid named reference");
      }
      String name = t.src.substring(t.pos + 2, close);
      t.pos = close + 1;
      t.groups.reference(t, t.groups.indexOf(t, name));
      t.out.append("\\k<").append(name).append('>');
      return true;
    }
    escape(t, false);
    return true;
  }

  /**
   * A character or class escape, the backslash just read; {@return the code point it stands
   * for}, or -1 for a class such as {@code \d}.
   */
  private static int escape(EcmaTranslator t, boolean inClass) {
    char c = t.src.charAt(t.pos++);
    switch (c) {
      case 'd', 'D', 'w', 'W' -> {
        t.out.append('\\').append(c);
        return -1;
      }
      case 's' -> {
        t.out.append(inClass ? SPACES : "[" + SPACES + "]");
        return -1;
      }
      case 'S' -> {
        t.out.append("[^" + SPACES + "]");
        return -1;
      }
      case 'f' -> { return emit(t, '\f'); }
      case 'n' -> { return emit(t, '\n'); }
      case 'r' -> { return emit(t, '\r'); }
      case 't' -> { return emit(t, '\t'); }
      case 'v' -> { return emit(t, 0x0B); }
      case '0' -> {
        if (t.pos < t.src.length() && Character.isDigit(t.src.charAt(t.pos))) {
          throw t.invalid("octal escapes are not allowed");
        }
        return emit(t, 0);
      }
      case 'c' -> {
        char letter = t.pos < t.src.length() ? t.src.charAt(t.pos) : 0;
        if (!(letter >= 'a' && letter <= 'z' || letter >= 'A' && letter <= 'Z')) {
          throw t.invalid("\\c must be followed by a letter");
        }
        t.pos++;
        return emit(t, letter % 32);
      }
      case 'x' -> { return emit(t, hex(t, 2)); }
      case 'u' -> {
        if (t.at("{")) {
          throw t.invalid("\\u{...} needs the u flag, which JSON Schema patterns do not have");
        }
        int unit = hex(t, 4);
        if (Character.isHighSurrogate((char) unit) && t.at("\\u")) {
          int save = t.pos;
          t.pos += 2;
          int low = hex(t, 4);
          if (Character.isLowSurrogate((char) low)) {
            return emit(t, Character.toCodePoint((char) unit, (char) low));
          }
          t.pos = save;
        }
        return emit(t, unit);
      }
      default -> {
        if (inClass && c == 'b') {
          return emit(t, 8);
        }
        if (c < 128 && (Character.isLetterOrDigit(c) || c == '_')) {
          throw t.invalid("\\" + c + " is not an ECMA-262 escape");
        }
        t.pos--;
        int codePoint = t.src.codePointAt(t.pos);
        t.pos += Character.charCount(codePoint);
        return emit(t, codePoint);
      }
    }
  }

  private static int emit(EcmaTranslator t, int codePoint) {
    t.literal(codePoint);
    return codePoint;
  }

  private static int hex(EcmaTranslator t, int digits) {
    if (t.pos + digits > t.src.length() || !t.src.substring(t.pos, t.pos + digits).matches("[0-9A-Fa-f]+")) {
      throw t.invalid("\\" + t.src.charAt(t.pos - 1) + " needs " + digits + " hex digits");
    }
    t.pos += digits;
    return Integer.parseInt(t.src.substring(t.pos - digits, t.pos), 16);
  }

  /** A character class, {@code [} at {@code t.pos}; {@code [^]} is any character, {@code []} none. */
  static void characterClass(EcmaTranslator t) {
    t.pos++;
    boolean negate = t.at("^");
    if (negate) {
      t.pos++;
    }
    if (t.at("]")) {
      t.pos++;
      t.out.append(negate ? "[\\x{0}-\\x{10ffff}]" : "(?!)");
      return;
    }
    t.out.append(negate ? "[^" : "[");
    while (true) {
      if (t.pos >= t.src.length()) {
        throw t.invalid("unterminated character class");
      }
      if (t.at("]")) {
        t.pos++;
        t.out.append(']');
        return;
      }
      int from = atom(t);
      if (t.at("-") && t.pos + 1 < t.src.length() && t.src.charAt(t.pos + 1) != ']') {
        t.pos++;
        int dash = t.out.length();
        t.out.append('-');
        int to = atom(t);
        if (from < 0 || to < 0) {
          // Annex B: a range with a class at either end is the three atoms.
          t.out.replace(dash, dash + 1, "\\x{2d}");
        } else if (from > to) {
          throw t.invalid("range out of order in character class");
        }
      }
    }
  }

  private static int atom(EcmaTranslator t) {
    if (t.at("\\")) {
      t.pos++;
      if (t.pos >= t.src.length()) {
        throw t.invalid("\\ at end of pattern");
      }
      return escape(t, true);
    }
    int codePoint = t.src.codePointAt(t.pos);
    t.pos += Character.charCount(codePoint);
    return emit(t, codePoint);
  }
}
