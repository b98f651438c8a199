package dev.chanx.gen.read;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.List;

/** Small reads of the raw tree that tolerate a document whose structure is wrong. */
final class Nodes {

  private Nodes() {}

  /** A text field, or null when absent, not text, or blank (Chanx writes {@code description: ''}). */
  static String text(JsonNode node, String field) {
    JsonNode value = node.get(field);
    return value != null && value.isTextual() && !value.asText().isBlank() ? value.asText() : null;
  }

  /** The field names of an object field, in document order; none when it is not an object. */
  static List<String> keys(JsonNode node, String field) {
    List<String> keys = new ArrayList<>();
    JsonNode value = node.get(field);
    if (value != null && value.isObject()) {
      value.fieldNames().forEachRemaining(keys::add);
    }
    return keys;
  }
}
