package dev.chanx.core.schema;

/**
 * One pass over an ECMA-262 pattern (Annex B syntax, but no identity escapes of letters), writing
 * the Java source; {@link EcmaClass} writes character classes and escapes, {@link Groups} tracks
 * which groups a backreference may safely refer to.
 */
final class EcmaTranslator {

  /** Not an ECMA-262 pattern. */
  static final class Invalid extends IllegalArgumentException {
    Invalid(String reason) {
      super(reason);
    }
  }

  /** A valid ECMA-262 pattern with no faithful Java translation. */
  static final class Untranslatable extends IllegalArgumentException {
    Untranslatable(String reason) {
      super(reason);
    }
  }

  final String src;
  int pos;
  final StringBuilder out = new StringBuilder();
  final Groups groups;

  EcmaTranslator(String src) {
    this.src = src;
    this.groups = Groups.scan(src);
  }

  String translate() {
    disjunction();
    if (pos < src.length()) {
      throw invalid("unmatched )");
    }
    return out.toString();
  }

  Invalid invalid(String why) {
    return new Invalid("Invalid regular expression /" + src + "/: " + why + " at " + pos);
  }

  boolean at(String text) {
    return src.startsWith(text, pos);
  }

  private void disjunction() {
    while (true) {
      while (pos < src.length() && src.charAt(pos) != '|' && src.charAt(pos) != ')') {
        term();
      }
      if (pos < src.length() && src.charAt(pos) == '|') {
        pos++;
        out.append('|');
        groups.alternative();
      } else {
        return;
      }
    }
  }

  private void term() {
    char c = src.charAt(pos);
    int start = out.length();
    boolean quantifiable = true;
    switch (c) {
      case '^' -> { pos++; out.append('^'); quantifiable = false; }
      case '$' -> { pos++; out.append("\\z"); quantifiable = false; }
      case '.' -> { pos++; out.append("[^\\n\\r\\x{2028}\\x{2029}]"); }
      case '[' -> EcmaClass.characterClass(this);
      case '(' -> quantifiable = group();
      case '\\' -> quantifiable = EcmaClass.atomEscape(this);
      case '*', '+', '?' -> throw invalid("nothing to repeat");
      case '{' -> {
        if (quantifierAhead()) {
          throw invalid("nothing to repeat");
        }
        pos++;
        out.append("\\{");
      }
      default -> {
        pos++;
        out.append("}]".indexOf(c) >= 0 ? "\\" + c : String.valueOf(c));
      }
    }
    int min = quantifier();
    if (min >= 0) {
      if (!quantifiable) {
        throw invalid("nothing to repeat");
      }
      if (min == 0) {
        groups.optional(start);
      }
    }
  }

  private boolean quantifierAhead() {
    return src.substring(pos).matches("(?s)\\{[0-9]+(,[0-9]*)?}.*");
  }

  /** Copies a quantifier if one follows; {@return its minimum}, or -1 without one. */
  private int quantifier() {
    if (pos >= src.length()) {
      return -1;
    }
    char c = src.charAt(pos);
    int min;
    if (c == '*' || c == '?') {
      min = 0;
      out.append(c);
      pos++;
    } else if (c == '+') {
      min = 1;
      out.append(c);
      pos++;
    } else if (c == '{' && quantifierAhead()) {
      int close = src.indexOf('}', pos);
      String body = src.substring(pos + 1, close);
      String[] bounds = body.split(",", -1);
      min = bounds[0].length() > 9 ? Integer.MAX_VALUE : Integer.parseInt(bounds[0]);
      if (bounds.length == 2 && !bounds[1].isEmpty()
          && new java.math.BigInteger(bounds[0]).compareTo(new java.math.BigInteger(bounds[1])) > 0) {
        throw invalid("numbers out of order in {} quantifier");
      }
      out.append(src, pos, close + 1);
      pos = close + 1;
    } else {
      return -1;
    }
    if (pos < src.length() && src.charAt(pos) == '?') {
      out.append('?');
      pos++;
    }
    return min;
  }

  /** A group or a lookaround; {@return whether a quantifier may follow}. */
  private boolean group() {
    int start = out.length();
    pos++;
    boolean quantifiable = true;
    boolean negative = false;
    boolean capture = false;
    if (at("?:") || at("?=") || at("?!")) {
      negative = at("?!");
      out.append('(').append(src, pos, pos + 2);
      pos += 2;
    } else if (at("?<=") || at("?<!")) {
      negative = at("?<!");
      quantifiable = false;
      out.append('(').append(src, pos, pos + 3);
      pos += 3;
    } else if (at("?<")) {
      int close = src.indexOf('>', pos);
      if (close < 0) {
        throw invalid("unterminated group name");
      }
      String name = src.substring(pos + 2, close);
      Groups.checkName(this, name);
      out.append("(?<").append(name).append('>');
      pos = close + 1;
      capture = true;
    } else if (at("?")) {
      throw invalid("invalid group");
    } else {
      out.append('(');
      capture = true;
    }
    groups.open(capture, negative, start);
    disjunction();
    if (pos >= src.length()) {
      throw invalid("unterminated group");
    }
    pos++;
    out.append(')');
    groups.close();
    return quantifiable;
  }

  /** Appends one code point as Java source that matches exactly it, inside or outside a class. */
  void literal(int codePoint) {
    if (codePoint < 128 && Character.isLetterOrDigit(codePoint)) {
      out.append((char) codePoint);
    } else {
      out.append("\\x{").append(Integer.toHexString(codePoint)).append('}');
    }
  }
}
