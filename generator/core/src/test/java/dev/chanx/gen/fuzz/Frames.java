package dev.chanx.gen.fuzz;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.StreamReadFeature;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectReader;
import com.fasterxml.jackson.databind.json.JsonMapper;
import dev.chanx.gen.examples.QuickRead;
import java.util.Iterator;
import java.util.Map;

/** Client frames parsed the way the runtime parses them, and refused where it refuses them. */
final class Frames {

  // As the runtime's reader at its defaults: duplicate keys and trailing tokens refused, depth 32.
  private static final ObjectReader READER = JsonMapper.builder(JsonFactory.builder()
          .streamReadConstraints(QuickRead.LIMITS)
          .build())
      .enable(StreamReadFeature.STRICT_DUPLICATE_DETECTION)
      .enable(DeserializationFeature.FAIL_ON_TRAILING_TOKENS)
      .build()
      .reader();

  private Frames() {}

  /** The frame's tree, or null where the runtime answers json_invalid before dispatching. */
  static JsonNode asTheServerReadsIt(String text) {
    JsonNode frame;
    try {
      frame = READER.readTree(text);
    } catch (Exception e) {
      return null;
    }
    return frame != null && frame.isObject() && !hasLoneSurrogate(frame) ? frame : null;
  }

  private static boolean hasLoneSurrogate(JsonNode node) {
    if (node.isTextual()) {
      return lone(node.textValue());
    }
    if (node.isArray()) {
      for (JsonNode element : node) {
        if (hasLoneSurrogate(element)) {
          return true;
        }
      }
    }
    for (Iterator<Map.Entry<String, JsonNode>> it = node.fields(); it.hasNext(); ) {
      Map.Entry<String, JsonNode> field = it.next();
      if (lone(field.getKey()) || hasLoneSurrogate(field.getValue())) {
        return true;
      }
    }
    return false;
  }

  private static boolean lone(String text) {
    for (int i = 0; i < text.length(); i++) {
      char c = text.charAt(i);
      if (Character.isHighSurrogate(c) && i + 1 < text.length() && Character.isLowSurrogate(text.charAt(i + 1))) {
        i++;
      } else if (Character.isSurrogate(c)) {
        return true;
      }
    }
    return false;
  }
}
