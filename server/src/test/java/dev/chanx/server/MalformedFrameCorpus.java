package dev.chanx.server;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

/** Hostile client frames with what their sender must get back: a hand-written list plus generated ones. */
final class MalformedFrameCorpus {

  /** The limits the corpus is written against. */
  static final int MAX_STRING = 1000;
  static final int MAX_NUMBER = 50;
  static final int MAX_DEPTH = 32;

  /**
   * One frame and its expected outcome.
   *
   * @param expected an error type, {@code pong}, or {@code none}
   * @param frame the text sent (or its UTF-8 bytes, when binary)
   * @param binary whether to send it as a binary frame
   */
  record Case(String expected, String frame, boolean binary) {

    Case(String expected, String frame) {
      this(expected, frame, false);
    }
  }

  private static final String CHAT = "{\"action\":\"new_chat_message\",\"payload\":{\"message\":\"hi\",\"name\":\"Al\"}}";
  private static final String[] VALUES = {"null", "true", "0", "-1.5", "\"\"", "[]", "{}", "[null]", "{\"a\":1}"};

  private MalformedFrameCorpus() {}

  /** Every case: the resource file's, then the generated ones. */
  static List<Case> all() throws IOException {
    List<Case> cases = new ArrayList<>(handWritten());
    cases.addAll(generated());
    return cases;
  }

  static List<Case> handWritten() throws IOException {
    List<Case> cases = new ArrayList<>();
    try (InputStream in = MalformedFrameCorpus.class.getResourceAsStream("/corpus/malformed-frames.txt")) {
      for (String line : new String(in.readAllBytes(), StandardCharsets.UTF_8).split("\n")) {
        if (!line.isEmpty() && !line.startsWith("#")) {
          int tab = line.indexOf('\t');
          cases.add(new Case(line.substring(0, tab), line.substring(tab + 1)));
        }
      }
    }
    return cases;
  }

  static List<Case> generated() {
    List<Case> cases = new ArrayList<>();
    // Every proper prefix of a valid frame, the empty one included.
    for (int i = 0; i < CHAT.length(); i++) {
      cases.add(new Case("json_invalid", CHAT.substring(0, i)));
    }
    // Every JSON type at every level of the chat message.
    for (String v : VALUES) {
      cases.add(new Case(v.equals("\"\"") ? "union_tag_invalid" : "union_tag_not_found", "{\"action\":" + v + "}"));
      cases.add(new Case(v.startsWith("{") ? "missing" : "model_type", "{\"action\":\"new_chat_message\",\"payload\":" + v + "}"));
      cases.add(new Case(v.equals("\"\"") ? "none" : "string_type", chat(v, "\"b\"")));
      cases.add(new Case(v.equals("\"\"") ? "none" : "string_type", chat("\"a\"", v)));
    }
    // Nesting around the limit: the frame itself is one level.
    for (int depth : new int[] {2, 30, 31, 32, 33, 34, 64, 1000, 10_000}) {
      String ref = "[".repeat(depth - 1) + "]".repeat(depth - 1);
      cases.add(new Case(depth <= MAX_DEPTH ? "pong" : "json_invalid", "{\"action\":\"ping\",\"ref\":" + ref + "}"));
      String nested = "{\"a\":".repeat(depth - 2) + "1" + "}".repeat(depth - 2);
      cases.add(new Case(depth <= MAX_DEPTH ? "string_type" : "json_invalid", chat(nested, "\"b\"")));
    }
    // Strings, keys and numbers around their limits.
    for (int n : new int[] {MAX_STRING - 1, MAX_STRING, MAX_STRING + 1, 4 * MAX_STRING}) {
      String expected = n <= MAX_STRING ? "pong" : "json_invalid";
      cases.add(new Case(expected, "{\"action\":\"ping\",\"ref\":\"" + "s".repeat(n) + "\"}"));
      cases.add(new Case(expected, "{\"action\":\"ping\",\"" + "k".repeat(n) + "\":1}"));
    }
    for (int n : new int[] {MAX_NUMBER - 1, MAX_NUMBER, MAX_NUMBER + 1, 10 * MAX_NUMBER}) {
      String expected = n <= MAX_NUMBER ? "pong" : "json_invalid";
      cases.add(new Case(expected, "{\"action\":\"ping\",\"ref\":" + "9".repeat(n) + "}"));
      cases.add(new Case(expected, "{\"action\":\"ping\",\"ref\":0." + "1".repeat(n) + "}"));
    }
    // Control characters must be escaped inside JSON strings.
    for (char c = 0; c < 0x20; c++) {
      cases.add(new Case("json_invalid", "{\"action\":\"ping\",\"ref\":\"a" + c + "b\"}"));
    }
    // Lone surrogates, escaped, at both ends of both halves of the range.
    for (String s : new String[] {"d800", "dbff", "dc00", "dfff"}) {
      cases.add(new Case("json_invalid", "{\"action\":\"ping\",\"ref\":\"\\u" + s + "\"}"));
      cases.add(new Case("json_invalid", chat("\"x\\u" + s + "\"", "\"b\"")));
    }
    // Binary frames, whatever they hold.
    for (String bytes : new String[] {"", "{\"action\":\"ping\"}", "\u0000\u00ff", "x".repeat(2000)}) {
      cases.add(new Case("json_invalid", bytes, true));
    }
    return cases;
  }

  private static String chat(String message, String name) {
    return "{\"action\":\"new_chat_message\",\"payload\":{\"message\":" + message + ",\"name\":" + name + "}}";
  }
}
