package dev.chanx.server;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

/** The optional top-level {@code traceparent} of client frames, read when the server traces frames. */
final class Traceparents {

  /** The key clients put it under; declared in the served document when frames are traced. */
  static final String KEY = "traceparent";

  private Traceparents() {}

  /**
   * Takes a string {@code traceparent} out of a frame, so that the message's schema never sees
   * it; null when the frame has none (a value of another type is left for validation to report).
   */
  static String take(ObjectNode frame) {
    JsonNode value = frame.get(KEY);
    if (value == null || !value.isTextual()) {
      return null;
    }
    frame.remove(KEY);
    return value.asText();
  }
}
