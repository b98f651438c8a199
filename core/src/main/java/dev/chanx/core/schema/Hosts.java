package dev.chanx.core.schema;

import java.net.IDN;

/** {@code hostname}, {@code idn-hostname}, {@code ipv4}, {@code ipv6} and the e-mail formats. */
final class Hosts {

  private Hosts() {}

  /** RFC 1123: labels of letters, digits and inner hyphens, 1 to 63 long, 253 in all. */
  static boolean isHostname(String text) {
    if (text.isEmpty() || text.length() > 253) {
      return false;
    }
    for (String label : text.split("\\.", -1)) {
      if (!isLabel(label)) {
        return false;
      }
    }
    return true;
  }

  private static boolean isLabel(String label) {
    if (label.isEmpty() || label.length() > 63 || label.startsWith("-") || label.endsWith("-")) {
      return false;
    }
    for (int i = 0; i < label.length(); i++) {
      char c = label.charAt(i);
      if (!(c >= 'a' && c <= 'z' || c >= 'A' && c <= 'Z' || c >= '0' && c <= '9' || c == '-')) {
        return false;
      }
    }
    // "--" in the third and fourth places is reserved for A-labels, which must decode.
    if (label.length() >= 4 && label.charAt(2) == '-' && label.charAt(3) == '-') {
      return label.regionMatches(true, 0, "xn", 0, 2) && IdnRules.isALabel(label);
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
    String local = text.substring(0, at);
    String domain = text.substring(at + 1);
    if (!isLocalPart(local, idn)) {
      return false;
    }
    if (domain.startsWith("[") && domain.endsWith("]")) {
      String literal = domain.substring(1, domain.length() - 1);
      return literal.regionMatches(true, 0, "IPv6:", 0, 5) ? isIpv6(literal.substring(5)) : isIpv4(literal);
    }
    return idn ? isIdnHostname(domain) : isHostname(domain);
  }

  private static boolean isLocalPart(String local, boolean idn) {
    if (local.length() >= 2 && local.startsWith("\"") && local.endsWith("\"")) {
      for (int i = 1; i < local.length() - 1; i++) {
        char c = local.charAt(i);
        if (c == '\\') {
          i++;
        } else if (c == '"' || c < 32 || (c > 126 && !idn)) {
          return false;
        }
      }
      return true;
    }
    if (local.startsWith(".") || local.endsWith(".") || local.contains("..")) {
      return false;
    }
    for (int i = 0; i < local.length(); i++) {
      char c = local.charAt(i);
      boolean atext = c >= 'a' && c <= 'z' || c >= 'A' && c <= 'Z' || c >= '0' && c <= '9'
          || "!#$%&'*+-/=?^_`{|}~.".indexOf(c) >= 0 || (idn && c > 127);
      if (!atext) {
        return false;
      }
    }
    return true;
  }
}
