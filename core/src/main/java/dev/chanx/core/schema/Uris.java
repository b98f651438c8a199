package dev.chanx.core.schema;

import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * RFC 3986 URIs and references, RFC 3987 IRIs (the same grammar with non-ASCII characters
 * allowed), and RFC 6570 URI templates, checked against their grammars.
 */
final class Uris {

  private static final String PCT = "%[0-9A-Fa-f]{2}";
  private static final String SUB = "!$&'()*+,;=";
  private static final String UCS = "\\u00A0-\\uD7FF\\uF900-\\uFDCF\\uFDF0-\\uFFEF\\x{10000}-\\x{EFFFD}";
  private static final String PRIVATE = "\\uE000-\\uF8FF\\x{F0000}-\\x{FFFFD}\\x{100000}-\\x{10FFFD}";
  private static final Pattern URI = grammar("", false);
  private static final Pattern IRI = grammar(UCS, false);
  private static final Pattern URI_RELATIVE = grammar("", true);
  private static final Pattern IRI_RELATIVE = grammar(UCS, true);
  private static final Pattern TEMPLATE_LITERALS =
      Pattern.compile("(?:[^\\x00-\\x20\\x7F\"%<>\\\\^`{|}]|" + PCT + ")*");
  private static final Pattern EXPRESSION = Pattern.compile(
      "[+#./;?&=,!@|]?(?:[A-Za-z0-9_]|" + PCT + ")(?:\\.?(?:[A-Za-z0-9_]|" + PCT + "))*(?::[1-9][0-9]{0,3}|\\*)?"
      + "(?:,(?:[A-Za-z0-9_]|" + PCT + ")(?:\\.?(?:[A-Za-z0-9_]|" + PCT + "))*(?::[1-9][0-9]{0,3}|\\*)?)*");

  private Uris() {}

  /** The grammar of an absolute URI, or of a relative reference when {@code relative}. */
  private static Pattern grammar(String extra, boolean reference) {
    String unreserved = "[A-Za-z0-9\\-._~" + extra + "]|" + PCT + "|[" + SUB + "]";
    String pchar = "(?:" + unreserved + "|[:@])";
    String segmentNc = "(?:" + unreserved + "|@)+";
    String host = "(?:\\[(?<literal>[^\\]]*)\\]|(?:" + unreserved + ")*)";
    String authority = "(?:(?:" + unreserved + "|:)*@)?" + host + "(?::[0-9]*)?";
    String tail = "(?:\\?(?:" + pchar + "|[/?" + (extra.isEmpty() ? "" : PRIVATE) + "])*)?"
        + "(?:#(?:" + pchar + "|[/?])*)?";
    String hier = "(?://" + authority + "(?:/" + pchar + "*)*|/(?:" + pchar + "+(?:/" + pchar + "*)*)?|"
        + pchar + "+(?:/" + pchar + "*)*|)";
    String uri = "[A-Za-z][A-Za-z0-9+\\-.]*:" + hier + tail;
    if (!reference) {
      return Pattern.compile(uri);
    }
    String relative = "(?://" + authority + "(?:/" + pchar + "*)*|/(?:" + pchar + "+(?:/" + pchar + "*)*)?|"
        + segmentNc + "(?:/" + pchar + "*)*|)";
    return Pattern.compile(relative + tail);
  }

  static boolean isUri(String text, boolean iri) {
    return matches(iri ? IRI : URI, text);
  }

  static boolean isReference(String text, boolean iri) {
    return isUri(text, iri) || matches(iri ? IRI_RELATIVE : URI_RELATIVE, text);
  }

  private static boolean matches(Pattern grammar, String text) {
    Matcher matcher = grammar.matcher(text);
    if (!matcher.matches()) {
      return false;
    }
    String literal = matcher.group("literal");
    return literal == null || Hosts.isIpv6(literal) || literal.matches("[vV][0-9A-Fa-f]+\\.[A-Za-z0-9\\-._~"
        + SUB.replace("$", "\\$") + ":]+");
  }

  /** Literals and {@code {expressions}} of RFC 6570, braces never nested. */
  static boolean isTemplate(String text) {
    int from = 0;
    while (true) {
      int open = text.indexOf('{', from);
      String literal = text.substring(from, open < 0 ? text.length() : open);
      if (!TEMPLATE_LITERALS.matcher(literal).matches()) {
        return false;
      }
      if (open < 0) {
        return true;
      }
      int close = text.indexOf('}', open);
      if (close < 0 || !EXPRESSION.matcher(text.substring(open + 1, close)).matches()) {
        return false;
      }
      from = close + 1;
    }
  }
}
