package dev.chanx.gen.diff;

/** JSON pointer building, as RFC 6901 escapes tokens. */
final class Pointers {

  private Pointers() {}

  /** {@return the pointer to a child of {@code base}} */
  static String child(String base, String token) {
    return base + "/" + token.replace("~", "~0").replace("/", "~1");
  }

  /** {@return the pointer to an item of {@code base}} */
  static String child(String base, int index) {
    return base + "/" + index;
  }
}
