package dev.chanx.server;

/** Reads one cookie out of a {@code Cookie} header ({@code a=1; b="two"}), as RFC 6265 writes it. */
final class Cookies {

  private Cookies() {}

  /** The value of the first cookie with this name in the header, unquoted, or null. */
  static String find(String header, String name) {
    int start = 0;
    while (start < header.length()) {
      int end = header.indexOf(';', start);
      if (end < 0) {
        end = header.length();
      }
      int equals = header.indexOf('=', start);
      if (equals > start && equals < end && header.substring(start, equals).trim().equals(name)) {
        String value = header.substring(equals + 1, end).trim();
        return value.length() >= 2 && value.startsWith("\"") && value.endsWith("\"")
            ? value.substring(1, value.length() - 1) : value;
      }
      start = end + 1;
    }
    return null;
  }
}
