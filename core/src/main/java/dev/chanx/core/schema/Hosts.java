package dev.chanx.core.schema;

import java.net.IDN;

/** {@code hostname}, {@code idn-hostname}, {@code ipv4}, {@code ipv6} and the e-mail formats. */
final class Hosts {

  private Hosts() {}

  /** RFC 1123: labels of letters, digits and inner hyphens, 1 to 63 long, 253 in all. */
  static boolean isHostname(String text) {
    return isHostname(text, 0, text.length());
  }

  // The labels are read in place: a valid name costs no allocation.
  private static boolean isHostname(String text, int from, int to) {
    if (from == to || to - from > 253) {
      return false;
    }
    int start = from;
    for (int i = from; i <= to; i++) {
      if (i == to || text.charAt(i) == '.') {
        if (!isLabel(text, start, i)) {
          return false;
        }
        start = i + 1;
      }
    }
    return true;
  }

  private static boolean isLabel(String text, int from, int to) {
    int length = to - from;
    if (length == 0 || length > 63 || text.charAt(from) == '-' || text.charAt(to - 1) == '-') {
      return false;
    }
    for (int i = from; i < to; i++) {
      char c = text.charAt(i);
      if (!(c >= 'a' && c <= 'z' || c >= 'A' && c <= 'Z' || c >= '0' && c <= '9' || c == '-')) {
        return false;
      }
    }
    // "--" in the third and fourth places is reserved for A-labels, which must decode.
    if (length >= 4 && text.charAt(from + 2) == '-' && text.charAt(from + 3) == '-') {
      return text.regionMatches(true, from, "xn", 0, 2) && IdnRules.isALabel(text.substring(from, to));
    }
    return true;
  }

  /** An internationalised host name: best effort with {@link IDN} and the IDNA 2008 context rules. */
  static boolean isIdnHostname(String text) {
    if (text.isEmpty()) {
      return false;
    }
    String[] labels = text.split("[.\u3002\uFF0E\uFF61]", -1);
    for (String label : labels) {
      if (label.isEmpty() || !IdnRules.isULabel(label)
          || (label.regionMatches(true, 0, "xn--", 0, 4) && !IdnRules.isALabel(label))) {
        return false;
      }
    }
    if (!IdnRules.keepsBidiRule(labels)) {
      return false;
    }
    try {
      String ascii = IDN.toASCII(text, IDN.USE_STD3_ASCII_RULES);
      return isHostname(ascii);
    } catch (IllegalArgumentException e) {
      return false;
    }
  }

  /** Four decimal octets, 0 to 255, without leading zeros. */
  static boolean isIpv4(String text) {
    String[] parts = text.split("\\.", -1);
    if (parts.length != 4) {
      return false;
    }
    for (String part : parts) {
      if (part.isEmpty() || part.length() > 3 || (part.length() > 1 && part.charAt(0) == '0')) {
        return false;
      }
      for (int i = 0; i < part.length(); i++) {
        if (part.charAt(i) < '0' || part.charAt(i) > '9') {
          return false;
        }
      }
      if (Integer.parseInt(part) > 255) {
        return false;
      }
    }
    return true;
  }

  /** RFC 4291 text: eight groups of 1 to 4 hex digits, {@code ::} once, an IPv4 tail allowed. */
  static boolean isIpv6(String text) {
    int gap = text.indexOf("::");
    if (gap >= 0 && text.indexOf("::", gap + 1) >= 0) {
      return false;
    }
    String[] groups = gap >= 0
        ? (text.substring(0, gap) + (gap > 0 ? ":" : "") + "G" + (gap + 2 < text.length() ? ":" : "")
            + text.substring(gap + 2)).split(":", -1)
        : text.split(":", -1);
    int count = 0;
    for (int i = 0; i < groups.length; i++) {
      String group = groups[i];
      if (group.equals("G") && gap >= 0) {
        continue;
      }
      if (i == groups.length - 1 && group.contains(".")) {
        if (!isIpv4(group)) {
          return false;
        }
        count += 2;
      } else if (group.isEmpty() || group.length() > 4 || !group.chars().allMatch(Hosts::isHex)) {
        return false;
      } else {
        count++;
      }
    }
    return gap >= 0 ? count < 8 : count == 8;
  }

  private static boolean isHex(int c) {
    return c >= '0' && c <= '9' || c >= 'a' && c <= 'f' || c >= 'A' && c <= 'F';
  }

  /**
   * RFC 5321 {@code Mailbox}: a dot-atom or quoted local part, then a host name or an address
   * literal; {@code idn} also allows non-ASCII text (RFC 6531).
   */
  static boolean isEmail(String text, boolean idn) {
    int at = text.lastIndexOf('@');
    if (at <= 0 || at == text.length() - 1) {
      return false;
    }
    if (!isLocalPart(text, at, idn)) {
      return false;
    }
    int domain = at + 1;
    if (text.charAt(domain) == '[' && text.endsWith("]")) {
      String literal = text.substring(domain + 1, text.length() - 1);
      return literal.regionMatches(true, 0, "IPv6:", 0, 5) ? isIpv6(literal.substring(5)) : isIpv4(literal);
    }
    return idn ? isIdnHostname(text.substring(domain)) : isHostname(text, domain, text.length());
  }

  /** The local part, {@code text} before {@code end}, read in place. */
  private static boolean isLocalPart(String text, int end, boolean idn) {
    if (end >= 2 && text.charAt(0) == '"' && text.charAt(end - 1) == '"') {
      for (int i = 1; i < end - 1; i++) {
        char c = text.charAt(i);
        if (c == '\\') {
          i++;
        } else if (c == '"' || c < 32 || (c > 126 && !idn)) {
          return false;
        }
      }
      return true;
    }
    if (text.charAt(0) == '.' || text.charAt(end - 1) == '.') {
      return false;
    }
    for (int i = 0; i < end; i++) {
      char c = text.charAt(i);
      boolean atext = c >= 'a' && c <= 'z' || c >= 'A' && c <= 'Z' || c >= '0' && c <= '9'
          || "!#$%&'*+-/=?^_`{|}~.".indexOf(c) >= 0 || (idn && c > 127);
      if (!atext || c == '.' && text.charAt(i + 1) == '.') {
        return false;
      }
    }
    return true;
  }
}
