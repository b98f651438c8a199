package dev.chanx.gen.codegen;

import java.text.Normalizer;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/**
 * The one allocator for identifiers taken from a document. The static methods turn any text into
 * a legal Java identifier of a given style (ASCII only, keywords suffixed with {@code _}, a leading
 * digit prefixed with {@code _}); an instance is a scope that hands out each name once, suffixing
 * {@code 2}, {@code 3}... on a collision, in the order names are asked for.
 */
final class Names {

  private static final Set<String> KEYWORDS = Set.of(
      "abstract", "assert", "boolean", "break", "byte", "case", "catch", "char", "class", "const",
      "continue", "default", "do", "double", "else", "enum", "extends", "final", "finally", "float",
      "for", "goto", "if", "implements", "import", "instanceof", "int", "interface", "long", "native",
      "new", "package", "private", "protected", "public", "return", "short", "static", "strictfp",
      "super", "switch", "synchronized", "this", "throw", "throws", "transient", "try", "void",
      "volatile", "while", "true", "false", "null", "_",
      // Restricted identifiers: legal in some places only, so never used.
      "var", "yield", "record", "sealed", "permits", "exports", "module", "open", "opens",
      "provides", "requires", "to", "transitive", "uses", "with");

  private final boolean ignoreCase;
  private final Set<String> taken = new HashSet<>();

  private Names(boolean ignoreCase) {
    this.ignoreCase = ignoreCase;
  }

  /** A scope for type names of one package: names differing only in case collide (file systems). */
  static Names types(Iterable<String> reserved) {
    Names names = new Names(true);
    reserved.forEach(names::reserve);
    return names;
  }

  /** A scope for members or locals: case matters. */
  static Names members(Iterable<String> reserved) {
    Names names = new Names(false);
    reserved.forEach(names::reserve);
    return names;
  }

  /** Marks a name as taken without handing it out. */
  void reserve(String name) {
    taken.add(key(name));
  }

  /** Whether a name is taken in this scope. */
  boolean isTaken(String name) {
    return taken.contains(key(name));
  }

  /** Hands out {@code candidate}, or the first of {@code candidate2}, {@code candidate3}... free. */
  String allocate(String candidate) {
    String name = ignoreCase ? shortened(candidate) : candidate;
    candidate = name;
    for (int n = 2; isTaken(name); n++) {
      name = candidate + n;
    }
    taken.add(key(name));
    return name;
  }

  /** The longest type name handed out: each one is a file name, and file systems cap those. */
  static final int MAX_TYPE_NAME = 64;

  // Names built from deep property paths grow without bound; keep the outer and the innermost parts.
  private static String shortened(String name) {
    if (name.length() <= MAX_TYPE_NAME) {
      return name;
    }
    int half = MAX_TYPE_NAME / 2;
    return name.substring(0, half) + name.substring(name.length() - half);
  }

  private String key(String name) {
    return ignoreCase ? name.toLowerCase(Locale.ROOT) : name;
  }

  /** {@code new_chat_message} → {@code NewChatMessage}. */
  static String upperCamel(String text, String fallback) {
    StringBuilder out = new StringBuilder();
    for (String word : words(text)) {
      out.append(capitalize(word));
    }
    return legal(out.toString(), fallback);
  }

  /** {@code handle_new_chat_message} → {@code handleNewChatMessage}. */
  static String lowerCamel(String text, String fallback) {
    StringBuilder out = new StringBuilder();
    for (String word : words(text)) {
      out.append(out.length() == 0 ? word.toLowerCase(Locale.ROOT) : capitalize(word));
    }
    return legal(out.toString(), fallback);
  }

  /** {@code cancel_only} → {@code CANCEL_ONLY}, {@code openOrders} → {@code OPEN_ORDERS}. */
  static String upperSnake(String text, String fallback) {
    return legal(String.join("_", words(text)).toUpperCase(Locale.ROOT), fallback);
  }

  /** A package segment: lower case, other characters {@code _}; {@code marketDataV1} → {@code marketdatav1}. */
  static String packageSegment(String text) {
    StringBuilder out = new StringBuilder();
    for (char c : ascii(text).toLowerCase(Locale.ROOT).toCharArray()) {
      out.append(isAsciiLetterOrDigit(c) || c == '_' ? c : '_');
    }
    return legal(out.toString(), "channel");
  }

  /** Whether a name is a Java keyword or restricted identifier. */
  static boolean isKeyword(String name) {
    return KEYWORDS.contains(name);
  }

  private static String legal(String name, String fallback) {
    if (name.isEmpty()) {
      return fallback;
    }
    if (Character.isDigit(name.charAt(0))) {
      return "_" + name;
    }
    return KEYWORDS.contains(name) ? name + "_" : name;
  }

  /**
   * Splits text into ASCII words at every other character and at case changes:
   * {@code marketDataV1} → market, Data, V1; {@code HTTPServer} → HTTP, Server.
   */
  static List<String> words(String text) {
    List<String> words = new ArrayList<>();
    String s = ascii(text == null ? "" : text);
    StringBuilder word = new StringBuilder();
    for (int i = 0; i < s.length(); i++) {
      char c = s.charAt(i);
      if (!isAsciiLetterOrDigit(c)) {
        flush(words, word);
        continue;
      }
      if (word.length() > 0) {
        char previous = word.charAt(word.length() - 1);
        boolean lowerToUpper = (Character.isLowerCase(previous) || Character.isDigit(previous))
            && Character.isUpperCase(c);
        boolean endOfAcronym = Character.isUpperCase(previous) && Character.isUpperCase(c)
            && i + 1 < s.length() && Character.isLowerCase(s.charAt(i + 1));
        if (lowerToUpper || endOfAcronym) {
          flush(words, word);
        }
      }
      word.append(c);
    }
    flush(words, word);
    return words;
  }

  private static void flush(List<String> words, StringBuilder word) {
    if (word.length() > 0) {
      words.add(word.toString());
      word.setLength(0);
    }
  }

  private static String capitalize(String word) {
    return Character.toUpperCase(word.charAt(0)) + word.substring(1).toLowerCase(Locale.ROOT);
  }

  // Accents are dropped (é → e); any other non-ASCII character separates words, so that
  // generated names are plain ASCII and safe as file names everywhere.
  private static String ascii(String text) {
    return Normalizer.normalize(text, Normalizer.Form.NFD).replaceAll("\\p{M}+", "");
  }

  private static boolean isAsciiLetterOrDigit(char c) {
    return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9');
  }
}
