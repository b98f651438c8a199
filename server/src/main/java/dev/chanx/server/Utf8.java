package dev.chanx.server;

/**
 * Checks UTF-8 as RFC 3629 defines it: shortest forms only, no surrogates, nothing past U+10FFFF.
 * {@code new String(bytes, UTF_8)} would replace bad bytes silently, and a text frame must carry
 * valid UTF-8 (RFC 6455, section 8.1), so the reader checks first.
 */
final class Utf8 {

  private Utf8() {}

  /** {@return whether {@code length} bytes from {@code from} are valid UTF-8} */
  static boolean valid(byte[] bytes, int from, int length) {
    int i = from;
    int end = from + length;
    while (i < end) {
      int b = bytes[i];
      if (b >= 0) {
        i++;
        continue;
      }
      b &= 0xFF;
      if (b >= 0xC2 && b <= 0xDF) {
        if (i + 1 >= end || !continuation(bytes[i + 1])) {
          return false;
        }
        i += 2;
      } else if (b >= 0xE0 && b <= 0xEF) {
        if (i + 2 >= end) {
          return false;
        }
        int b1 = bytes[i + 1] & 0xFF;
        // E0 needs A0..BF (no overlong forms); ED needs 80..9F (no surrogates).
        int low = b == 0xE0 ? 0xA0 : 0x80;
        int high = b == 0xED ? 0x9F : 0xBF;
        if (b1 < low || b1 > high || !continuation(bytes[i + 2])) {
          return false;
        }
        i += 3;
      } else if (b >= 0xF0 && b <= 0xF4) {
        if (i + 3 >= end) {
          return false;
        }
        int b1 = bytes[i + 1] & 0xFF;
        // F0 needs 90..BF (no overlong forms); F4 needs 80..8F (nothing past U+10FFFF).
        int low = b == 0xF0 ? 0x90 : 0x80;
        int high = b == 0xF4 ? 0x8F : 0xBF;
        if (b1 < low || b1 > high || !continuation(bytes[i + 2]) || !continuation(bytes[i + 3])) {
          return false;
        }
        i += 4;
      } else {
        return false;
      }
    }
    return true;
  }

  private static boolean continuation(byte b) {
    return (b & 0xC0) == 0x80;
  }
}
