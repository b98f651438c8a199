package dev.chanx.server;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.Iterator;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Key conversion for channels whose clients speak camelCase: {@code user_name} goes out as
 * {@code userName}, and {@code userName} (or {@code userID}) comes in as {@code user_name}
 * ({@code user_id}). Values are never touched; keys that need no change are not copied.
 */
final class CamelCase {

  // Outgoing keys come from generated code (few); the cache stops growing past this.
  private static final int MAX_CACHED = 4096;
  private static final ConcurrentHashMap<String, String> CAMEL = new ConcurrentHashMap<>();

  private CamelCase() {}

  /** {@code snake_case} to {@code camelCase}; leading underscores stay. */
  static String camelize(String key) {
    if (key.indexOf('_') < 0) {
      return key;
    }
    String cached = CAMEL.get(key);
    if (cached != null) {
      return cached;
    }
    StringBuilder out = new StringBuilder(key.length());
    int i = 0;
    while (i < key.length() && key.charAt(i) == '_') {
      out.append('_');
      i++;
    }
    boolean upper = false;
    for (; i < key.length(); i++) {
      char c = key.charAt(i);
      if (c == '_') {
        upper = out.length() > 0;
      } else {
        out.append(upper ? Character.toUpperCase(c) : c);
        upper = false;
      }
    }
    String result = out.toString();
    if (CAMEL.size() < MAX_CACHED) {
      CAMEL.put(key, result);
    }
    return result;
  }

  /** {@code camelCase} to {@code snake_case}: {@code userName} and {@code UserName} become {@code user_name}, {@code userID} {@code user_id}. */
  static String decamelize(String key) {
    int first = firstUpper(key);
    if (first < 0) {
      return key;
    }
    StringBuilder out = new StringBuilder(key.length() + 4).append(key, 0, first);
    for (int i = first; i < key.length(); i++) {
      char c = key.charAt(i);
      if (Character.isUpperCase(c)) {
        char before = i > 0 ? key.charAt(i - 1) : '_';
        boolean afterLower = Character.isLowerCase(before) || Character.isDigit(before);
        boolean endsAcronym = Character.isUpperCase(before) && i + 1 < key.length()
            && Character.isLowerCase(key.charAt(i + 1));
        if ((afterLower || endsAcronym) && before != '_') {
          out.append('_');
        }
        out.append(Character.toLowerCase(c));
      } else {
        out.append(c);
      }
    }
    return out.toString();
  }

  /** The tree with every object key decamelized, at any depth; the tree itself when nothing changes. */
  static JsonNode decamelizeKeys(JsonNode node) {
    if (node.isObject()) {
      ObjectNode copy = null;
      for (Iterator<Map.Entry<String, JsonNode>> it = node.fields(); it.hasNext(); ) {
        Map.Entry<String, JsonNode> field = it.next();
        String key = decamelize(field.getKey());
        JsonNode value = decamelizeKeys(field.getValue());
        if (copy == null && (key != field.getKey() || value != field.getValue())) {
          copy = copyUntil((ObjectNode) node, field.getKey());
        }
        if (copy != null) {
          copy.set(key, value);
        }
      }
      return copy == null ? node : copy;
    }
    if (node.isArray()) {
      ArrayNode copy = null;
      for (int i = 0; i < node.size(); i++) {
        JsonNode value = decamelizeKeys(node.get(i));
        if (copy == null && value != node.get(i)) {
          copy = JsonNodeFactory.instance.arrayNode(node.size());
          for (int j = 0; j < i; j++) {
            copy.add(node.get(j));
          }
        }
        if (copy != null) {
          copy.add(value);
        }
      }
      return copy == null ? node : copy;
    }
    return node;
  }

  private static ObjectNode copyUntil(ObjectNode node, String stop) {
    ObjectNode copy = JsonNodeFactory.instance.objectNode();
    for (Iterator<Map.Entry<String, JsonNode>> it = node.fields(); it.hasNext(); ) {
      Map.Entry<String, JsonNode> field = it.next();
      if (field.getKey().equals(stop)) {
        break;
      }
      copy.set(field.getKey(), field.getValue());
    }
    return copy;
  }

  private static int firstUpper(String key) {
    for (int i = 0; i < key.length(); i++) {
      if (Character.isUpperCase(key.charAt(i))) {
        return i;
      }
    }
    return -1;
  }
}
