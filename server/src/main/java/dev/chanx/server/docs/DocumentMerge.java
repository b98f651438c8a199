package dev.chanx.server.docs;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.HashMap;
import java.util.Iterator;
import java.util.List;
import java.util.Map;

/**
 * Merges several AsyncAPI documents into one that describes all their channels: the sections
 * keyed by name (servers, channels, operations, each kind of component) are joined, and a key the
 * documents share must mean the same in each, so that every {@code $ref} still points where it did.
 */
final class DocumentMerge {

  private static final List<String> KEYED = List.of("servers", "channels", "operations");

  private final ObjectNode out = JsonNodeFactory.instance.objectNode();
  // Where each merged key came from, such as "channels.chat" -> "'Chanx Chat'".
  private final Map<String, String> origins = new HashMap<>();

  private DocumentMerge() {}

  /**
   * The merged tree: the given title, the first document's version and other top-level fields.
   *
   * @throws IllegalArgumentException when the documents' AsyncAPI versions differ, or a key they
   *     share has different content
   */
  static ObjectNode merge(String title, List<JsonNode> documents) {
    if (documents.isEmpty()) {
      throw new IllegalArgumentException("nothing to merge: no document");
    }
    DocumentMerge merge = new DocumentMerge();
    JsonNode first = documents.get(0);
    merge.out.setAll((ObjectNode) first.deepCopy());
    merge.out.putObject("info").put("title", title)
        .put("version", first.path("info").path("version").asText("1.0.0"));
    merge.out.remove(KEYED);
    merge.out.remove("components");
    for (JsonNode document : documents) {
      merge.add(document, first);
    }
    return merge.out;
  }

  private void add(JsonNode document, JsonNode first) {
    if (!document.path("asyncapi").equals(first.path("asyncapi"))) {
      throw new IllegalArgumentException("cannot merge " + name(document) + " (AsyncAPI "
          + document.path("asyncapi").asText() + ") with " + name(first) + " (AsyncAPI "
          + first.path("asyncapi").asText() + ")");
    }
    for (String section : KEYED) {
      join(document, section, document.path(section), out);
    }
    for (Iterator<Map.Entry<String, JsonNode>> it = document.path("components").fields(); it.hasNext(); ) {
      Map.Entry<String, JsonNode> kind = it.next();
      ObjectNode components = out.has("components") ? (ObjectNode) out.get("components") : out.putObject("components");
      join(document, "components." + kind.getKey(), kind.getValue(), components);
    }
  }

  private void join(JsonNode document, String path, JsonNode section, ObjectNode parent) {
    if (!section.isObject() || section.isEmpty()) {
      return;
    }
    String name = path.substring(path.lastIndexOf('.') + 1);
    ObjectNode into = parent.has(name) ? (ObjectNode) parent.get(name) : parent.putObject(name);
    for (Iterator<Map.Entry<String, JsonNode>> it = section.fields(); it.hasNext(); ) {
      Map.Entry<String, JsonNode> entry = it.next();
      String key = path + "." + entry.getKey();
      JsonNode known = into.get(entry.getKey());
      if (known == null) {
        into.set(entry.getKey(), entry.getValue().deepCopy());
        origins.put(key, name(document));
      } else if (!known.equals(entry.getValue())) {
        throw new IllegalArgumentException(key + " differs between " + origins.get(key) + " and " + name(document)
            + ": give it another name in one of them");
      }
    }
  }

  private static String name(JsonNode document) {
    return "'" + document.path("info").path("title").asText("untitled") + "'";
  }
}
