package dev.chanx.server;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.Locale;

/** Names the kind of a JSON value in an error message: "an array", "a string", "nothing". */
final class FrameKinds {

  private FrameKinds() {}

  /** The kind of a parsed frame, or "nothing" for empty text. */
  static String of(JsonNode node) {
    if (node == null || node.isMissingNode()) {
      return "nothing";
    }
    return switch (node.getNodeType()) {
      case ARRAY -> "an array";
      case STRING -> "a string";
      case NUMBER -> "a number";
      case BOOLEAN -> "a boolean";
      case NULL -> "null";
      default -> node.getNodeType().name().toLowerCase(Locale.ROOT);
    };
  }
}
