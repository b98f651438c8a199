package dev.chanx.server;

/** A way a client broke the rules; each kind is logged once per connection, never with the frame. */
enum Violation {
  NOT_JSON("sent text that is not JSON"),
  NOT_AN_OBJECT("sent JSON that is not an object"),
  DUPLICATE_KEY("sent an object with a duplicate key"),
  TOO_DEEP("sent JSON nested deeper than the limit"),
  STRING_TOO_LONG("sent a string longer than the limit"),
  NUMBER_TOO_LONG("sent a number longer than the limit"),
  LONE_SURROGATE("sent a string with a lone UTF-16 surrogate"),
  BINARY("sent a binary frame"),
  TOO_LARGE("sent a message over the size limit; closing it (1009)"),
  NOT_READING("is not reading: its outgoing queue is full; closing it (1008)");

  private final String text;

  Violation(String text) {
    this.text = text;
  }

  /** What the client did, as a log message ends: "connection k3x9qa.1f sent a binary frame". */
  String text() {
    return text;
  }

  /** This kind as a metric's rule, such as {@code not_json}: bounded, the same on every server. */
  String rule() {
    return name().toLowerCase(java.util.Locale.ROOT);
  }

  /** This kind's bit in a connection's set of kinds already logged. */
  int bit() {
    return 1 << ordinal();
  }
}
