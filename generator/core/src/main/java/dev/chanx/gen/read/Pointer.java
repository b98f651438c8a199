package dev.chanx.gen.read;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

/** JSON pointer helpers (RFC 6901), kept apart so that escaping is done in one place. */
final class Pointer {

  private Pointer() {}

  /** The pointer of a child: {@code base} plus one escaped token. */
  static String append(String base, String token) {
    return base + "/" + token.replace("~", "~0").replace("/", "~1");
  }

  /** The unescaped tokens of a pointer; "" has none. */
  static List<String> tokens(String pointer) {
    List<String> out = new ArrayList<>();
    if (pointer.isEmpty()) {
      return out;
    }
    for (String raw : pointer.substring(1).split("/", -1)) {
      out.add(raw.replace("~1", "/").replace("~0", "~"));
    }
    return out;
  }

  /** The last token, unescaped, or "" for the root. */
  static String last(String pointer) {
    List<String> tokens = tokens(pointer);
    return tokens.isEmpty() ? "" : tokens.get(tokens.size() - 1);
  }

  /** The pointer one level up; the root's parent is the root. */
  static String parent(String pointer) {
    int slash = pointer.lastIndexOf('/');
    return slash <= 0 ? "" : pointer.substring(0, slash);
  }

  /** Decodes %XX escapes as UTF-8; '+' stays '+' because a fragment is not a form field. */
  static String percentDecode(String s) {
    if (s.indexOf('%') < 0) {
      return s;
    }
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    for (int i = 0; i < s.length(); i++) {
      char c = s.charAt(i);
      if (c == '%' && i + 2 < s.length() && isHex(s.charAt(i + 1)) && isHex(s.charAt(i + 2))) {
        out.write(Integer.parseInt(s.substring(i + 1, i + 3), 16));
        i += 2;
      } else {
        byte[] bytes = String.valueOf(c).getBytes(StandardCharsets.UTF_8);
        out.write(bytes, 0, bytes.length);
      }
    }
    return out.toString(StandardCharsets.UTF_8);
  }

  private static boolean isHex(char c) {
    return Character.digit(c, 16) >= 0;
  }
}
