package dev.chanx.server;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.Iterator;
import java.util.Map;

/**
 * Finds lone UTF-16 surrogates, which JSON lets a client write as <code>"\\ud800"</code> but which
 * are no text: such a string could never be written back out as UTF-8.
 */
final class Surrogates {

  private Surrogates() {}

  /** Whether a frame's raw text could hold one: only a backslash-u escape can produce it. */
  static boolean mayHide(String text) {
    return text.indexOf("\\u") >= 0;
  }

  /** Whether any string or key in the tree holds a lone surrogate. */
  static boolean inTree(JsonNode node) {
    if (node.isTextual()) {
      return hasLone(node.textValue());
    }
    if (node.isObject()) {
      for (Iterator<Map.Entry<String, JsonNode>> it = node.fields(); it.hasNext(); ) {
        Map.Entry<String, JsonNode> field = it.next();
        if (hasLone(field.getKey()) || inTree(field.getValue())) {
          return true;
        }
      }
    } else if (node.isArray()) {
      for (JsonNode element : node) {
        if (inTree(element)) {
          return true;
        }
      }
    }
    return false;
  }

  /** Whether the text holds a surrogate that is not half of a well-formed pair. */
  static boolean hasLone(CharSequence text) {
    for (int i = 0, n = text.length(); i < n; i++) {
      char c = text.charAt(i);
      if (Character.isHighSurrogate(c) && i + 1 < n && Character.isLowSurrogate(text.charAt(i + 1))) {
        i++;
      } else if (Character.isSurrogate(c)) {
        return true;
      }
    }
    return false;
  }

  /** The text with every lone surrogate replaced by U+FFFD. */
  static String replaceLone(String text) {
    if (!hasLone(text)) {
      return text;
    }
    StringBuilder out = new StringBuilder(text.length());
    for (int i = 0, n = text.length(); i < n; i++) {
      char c = text.charAt(i);
      if (Character.isHighSurrogate(c) && i + 1 < n && Character.isLowSurrogate(text.charAt(i + 1))) {
        out.append(c).append(text.charAt(++i));
      } else {
        out.append(Character.isSurrogate(c) ? '\uFFFD' : c);
      }
    }
    return out.toString();
  }
}
