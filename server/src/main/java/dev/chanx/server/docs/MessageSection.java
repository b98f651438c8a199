package dev.chanx.server.docs;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.ObjectWriter;
import java.util.IdentityHashMap;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.Map;

/** The messages of a document: each with its payload table, schema and examples; and links to them. */
final class MessageSection {

  private static final ObjectWriter PRETTY = new ObjectMapper().writerWithDefaultPrettyPrinter();

  private final Refs refs;
  private final SchemaTable table;
  // Every message object, by identity, with the name it is shown under.
  private final Map<JsonNode, String> names = new IdentityHashMap<>();
  private final Map<String, JsonNode> ordered = new LinkedHashMap<>();

  MessageSection(JsonNode doc, Refs refs) {
    this.refs = refs;
    this.table = new SchemaTable(refs);
    doc.path("components").path("messages").fields().forEachRemaining(e -> add(e.getKey(), e.getValue()));
    doc.path("channels").fields().forEachRemaining(channel ->
        refs.resolve(channel.getValue()).path("messages").fields().forEachRemaining(message ->
            add(message.getKey(), refs.resolve(message.getValue()))));
  }

  private void add(String name, JsonNode message) {
    if (Refs.ref(message) == null && !names.containsKey(message)) {
      String unique = ordered.containsKey(name) ? name + "_" + ordered.size() : name;
      names.put(message, unique);
      ordered.put(unique, message);
    }
  }

  /** Appends links to the messages a list or map of message references points at. */
  void links(JsonNode list, Html html) {
    boolean first = true;
    for (JsonNode ref : list) {
      String name = names.getOrDefault(refs.resolve(ref), refs.name(ref, "message"));
      html.raw(first ? "" : ", ").raw("<a href=\"#").text(Html.id("message", name)).raw("\">").text(name).raw("</a>");
      first = false;
    }
  }

  void render(Html html) {
    html.raw("<h2>Messages</h2>");
    for (Map.Entry<String, JsonNode> entry : ordered.entrySet()) {
      JsonNode message = entry.getValue();
      html.raw("<section class=\"card\" id=\"").text(Html.id("message", entry.getKey())).raw("\">")
          .element("h3", null, entry.getKey());
      for (String key : new String[] {"title", "summary", "description"}) {
        if (message.path(key).isTextual() && !message.path(key).asText().isBlank()) {
          html.element("p", "text", message.get(key).asText());
        }
      }
      if (message.has(RuntimeFrames.EXTENSION)) {
        html.element("p", "meta", "Sent by the runtime itself, not by a handler (x-chanx).");
      }
      JsonNode payload = message.path("payload");
      if (!payload.isMissingNode()) {
        html.element("h4", null, "Payload " + table.type(payload));
        JsonNode description = refs.resolve(payload).path("description");
        if (description.isTextual() && !description.asText().isBlank() && !description.equals(message.get("description"))) {
          html.element("p", "text", description.asText());
        }
        table.render(payload, html);
        html.raw("<details><summary>JSON schema</summary>").element("pre", null, pretty(refs.inline(payload)))
            .raw("</details>");
      }
      examples(message.path("examples"), html);
      html.raw("</section>");
    }
  }

  private void examples(JsonNode examples, Html html) {
    for (Iterator<JsonNode> it = examples.elements(); it.hasNext(); ) {
      JsonNode example = refs.resolve(it.next());
      String title = example.path("name").asText(example.path("summary").asText("Example"));
      html.element("h4", null, "Example: " + title);
      if (example.hasNonNull("summary") && example.hasNonNull("name")) {
        html.element("p", "text", example.get("summary").asText());
      }
      html.element("pre", null, pretty(example.has("payload") ? example.get("payload") : example));
    }
  }

  private static String pretty(JsonNode node) {
    try {
      return PRETTY.writeValueAsString(node);
    } catch (JsonProcessingException e) {
      return node.toString();
    }
  }
}
