package dev.chanx.core.schema;

/**
 * Decodes RFC 3492 Punycode, the part of an A-label after {@code xn--}. {@link java.net.IDN} cannot
 * serve: it applies IDNA 2003 mappings and refuses characters IDNA 2008 allows.
 */
final class Punycode {

  private static final int BASE = 36;
  private static final int T_MIN = 1;
  private static final int T_MAX = 26;

  private Punycode() {}

  /** {@return the decoded text}, or null when the input is not valid Punycode. */
  static String decode(String input) {
    int last = input.lastIndexOf('-');
    StringBuilder output = new StringBuilder();
    for (int j = 0; j < Math.max(last, 0); j++) {
      if (input.charAt(j) >= 128) {
        return null;
      }
      output.append(input.charAt(j));
    }
    int[] points = output.codePoints().toArray();
    int length = points.length;
    int[] decoded = new int[input.length()];
    System.arraycopy(points, 0, decoded, 0, length);
    long n = 128;
    long i = 0;
    int bias = 72;
    for (int in = last > 0 ? last + 1 : 0; in < input.length(); ) {
      long oldI = i;
      long w = 1;
      for (int k = BASE; ; k += BASE) {
        if (in >= input.length()) {
          return null;
        }
        int digit = digit(input.charAt(in++));
        if (digit < 0) {
          return null;
        }
        i += digit * w;
        int t = k <= bias ? T_MIN : Math.min(k - bias, T_MAX);
        if (digit < t) {
          break;
        }
        w *= BASE - t;
        if (i > Integer.MAX_VALUE || w > Integer.MAX_VALUE) {
          return null;
        }
      }
      bias = adapt(i - oldI, length + 1, oldI == 0);
      n += i / (length + 1);
      i %= length + 1;
      if (n > Character.MAX_CODE_POINT || length >= decoded.length) {
        return null;
      }
      System.arraycopy(decoded, (int) i, decoded, (int) i + 1, length - (int) i);
      decoded[(int) i++] = (int) n;
      length++;
    }
    return new String(decoded, 0, length);
  }

  private static int digit(char c) {
    if (c >= '0' && c <= '9') {
      return c - '0' + 26;
    }
    if (c >= 'a' && c <= 'z') {
      return c - 'a';
    }
    return c >= 'A' && c <= 'Z' ? c - 'A' : -1;
  }

  private static int adapt(long delta, int points, boolean first) {
    delta = first ? delta / 700 : delta / 2;
    delta += delta / points;
    int k = 0;
    while (delta > ((BASE - T_MIN) * T_MAX) / 2) {
      delta /= BASE - T_MIN;
      k += BASE;
    }
    return (int) (k + (BASE - T_MIN + 1) * delta / (delta + 38));
  }
}
