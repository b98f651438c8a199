package dev.chanx.core.schema;

import java.util.Map;
import java.util.function.Predicate;

/**
 * The draft-07 formats this runtime asserts, by name; {@link Dates}, {@link Hosts} and
 * {@link Uris} hold the tests. An unknown format has no test (the generator reports it).
 */
final class Formats {

  private static final Map<String, Predicate<String>> NAMED = Map.ofEntries(
      Map.entry("date-time", Dates::isDateTime),
      Map.entry("date", Dates::isDate),
      Map.entry("time", Dates::isTime),
      Map.entry("email", text -> Hosts.isEmail(text, false)),
      Map.entry("idn-email", text -> Hosts.isEmail(text, true)),
      Map.entry("hostname", Hosts::isHostname),
      Map.entry("idn-hostname", Hosts::isIdnHostname),
      Map.entry("ipv4", Hosts::isIpv4),
      Map.entry("ipv6", Hosts::isIpv6),
      Map.entry("uri", text -> Uris.isUri(text, false)),
      Map.entry("uri-reference", text -> Uris.isReference(text, false)),
      Map.entry("iri", text -> Uris.isUri(text, true)),
      Map.entry("iri-reference", text -> Uris.isReference(text, true)),
      Map.entry("uri-template", Uris::isTemplate),
      Map.entry("json-pointer", Formats::isJsonPointer),
      Map.entry("relative-json-pointer", Formats::isRelativeJsonPointer),
      Map.entry("regex", EcmaRegex::isValid));

  private Formats() {}

  /** {@return the test of the named format}, or null when the format is unknown. */
  static Predicate<String> named(String name) {
    return NAMED.get(name);
  }

  /** RFC 6901: empty, or {@code /} segments in which {@code ~} is followed by 0 or 1. */
  static boolean isJsonPointer(String text) {
    if (!text.isEmpty() && text.charAt(0) != '/') {
      return false;
    }
    for (int i = 0; i < text.length(); i++) {
      if (text.charAt(i) == '~' && (i + 1 == text.length() || (text.charAt(i + 1) != '0' && text.charAt(i + 1) != '1'))) {
        return false;
      }
    }
    return true;
  }

  /** A non-negative integer without leading zeros, then {@code #} or a JSON pointer. */
  static boolean isRelativeJsonPointer(String text) {
    int digits = 0;
    while (digits < text.length() && text.charAt(digits) >= '0' && text.charAt(digits) <= '9') {
      digits++;
    }
    if (digits == 0 || (digits > 1 && text.charAt(0) == '0')) {
      return false;
    }
    String rest = text.substring(digits);
    return rest.equals("#") || isJsonPointer(rest);
  }
}
