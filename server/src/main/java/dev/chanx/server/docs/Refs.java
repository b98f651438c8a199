package dev.chanx.server.docs;

import com.fasterxml.jackson.core.JsonPointer;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.Iterator;
import java.util.Map;

/** Follows the local {@code $ref}s of one document, for display only; never loops. */
final class Refs {

  private static final int MAX_HOPS = 32;
  private static final int MAX_DEPTH = 24;

  private final JsonNode root;

  Refs(JsonNode root) {
    this.root = root;
  }

  /** The node a chain of {@code $ref}s ends at, or the node itself when it is no reference. */
  JsonNode resolve(JsonNode node) {
    JsonNode current = node;
    for (int hops = 0; hops < MAX_HOPS && ref(current) != null; hops++) {
      JsonNode target = lookup(ref(current));
      if (target == null) {
        return current;
      }
      current = target;
    }
    return current;
  }

  /** The name a reference points at (its pointer's last segment), or {@code fallback}. */
  String name(JsonNode node, String fallback) {
    String name = fallback;
    JsonNode current = node;
    for (int hops = 0; hops < MAX_HOPS && ref(current) != null; hops++) {
      String ref = ref(current);
      name = JsonPointer.compile(ref.substring(1)).last().getMatchingProperty();
      current = lookup(ref);
      if (current == null) {
        break;
      }
    }
    return name;
  }

  /** A copy with every resolvable reference replaced by its target; a cycle stays a reference. */
  JsonNode inline(JsonNode node) {
    return inline(node, new ArrayDeque<>());
  }

  private JsonNode inline(JsonNode node, Deque<String> stack) {
    String ref = ref(node);
    if (ref != null) {
      JsonNode target = lookup(ref);
      if (target == null || stack.contains(ref) || stack.size() >= MAX_DEPTH) {
        return node;
      }
      stack.push(ref);
      JsonNode result = inline(target, stack);
      stack.pop();
      return result;
    }
    if (node.isContainerNode()) {
      JsonNode copy = node.deepCopy();
      if (copy.isObject()) {
        Iterator<Map.Entry<String, JsonNode>> fields = node.fields();
        while (fields.hasNext()) {
          Map.Entry<String, JsonNode> field = fields.next();
          ((ObjectNode) copy).set(field.getKey(), inline(field.getValue(), stack));
        }
      } else {
        for (int i = 0; i < node.size(); i++) {
          ((com.fasterxml.jackson.databind.node.ArrayNode) copy).set(i, inline(node.get(i), stack));
        }
      }
      return copy;
    }
    return node;
  }

  static String ref(JsonNode node) {
    JsonNode ref = node == null ? null : node.get("$ref");
    return ref != null && ref.isTextual() && ref.asText().startsWith("#") ? ref.asText() : null;
  }

  private JsonNode lookup(String ref) {
    try {
      JsonNode target = root.at(JsonPointer.compile(ref.substring(1)));
      return target.isMissingNode() ? null : target;
    } catch (IllegalArgumentException e) {
      return null;
    }
  }
}
