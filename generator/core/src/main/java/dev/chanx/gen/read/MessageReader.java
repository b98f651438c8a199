package dev.chanx.gen.read;

import com.fasterxml.jackson.databind.JsonNode;
import dev.chanx.gen.model.Schema;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/** Reads message objects, once each however many channels and operations refer to them. */
final class MessageReader {

  private final ReadContext ctx;
  private final Map<String, MessageDraft> read = new HashMap<>();

  MessageReader(ReadContext ctx) {
    this.ctx = ctx;
  }

  /** The message at {@code holder}, following references; null (with a problem) when there is none. */
  MessageDraft read(Location holder) {
    RefResolver.Target target = ctx.refs.followAll(holder, RefKind.MESSAGE);
    if (target == null || !target.node().isObject()) {
      return null;
    }
    Location where = target.location();
    MessageDraft known = read.get(where.canonical());
    if (known != null) {
      return known;
    }
    JsonNode node = target.node();
    List<JsonNode> traits = traits(where, node);
    List<JsonNode> examples = new ArrayList<>();
    for (JsonNode source : withTraits(node, traits, "examples")) {
      source.forEach(example -> {
        if (example.has("payload")) {
          examples.add(example.get("payload"));
        }
      });
    }
    MessageDraft message = new MessageDraft(
        text(node, traits, "name"),
        text(node, traits, "title"),
        text(node, traits, "summary"),
        text(node, traits, "description"),
        where.canonical(),
        payload(where, node),
        examples,
        correlationId(where, node, traits),
        contentType(node, traits));
    read.put(where.canonical(), message);
    return message;
  }

  private Schema payload(Location message, JsonNode node) {
    Location where = message.child("payload");
    JsonNode payload = node.get("payload");
    if (payload == null || payload.isNull()) {
      return Schema.builder(where.canonical()).build(); // no payload schema: any frame
    }
    if (node.path("schemaFormat").isTextual() && !isJsonSchema(node.get("schemaFormat").asText())) {
      // 2.x names the payload's format on the message itself.
      unsupported(message.child("schemaFormat"), node.get("schemaFormat").asText());
      return Schema.builder(where.canonical()).build();
    }
    if (payload.isObject() && payload.has("schemaFormat") && !RefResolver.isRef(payload)) {
      // A Multi Format Schema Object: {schemaFormat, schema}.
      String format = payload.path("schemaFormat").asText();
      if (!isJsonSchema(format)) {
        unsupported(where.child("schemaFormat"), format);
        return Schema.builder(where.canonical()).build();
      }
      return ctx.schemas.readPayload(where.child("schema"));
    }
    return ctx.schemas.readPayload(where);
  }

  private static boolean isJsonSchema(String format) {
    return format.startsWith("application/vnd.aai.asyncapi") || format.startsWith("application/schema+json")
        || format.startsWith("application/schema+yaml");
  }

  private void unsupported(Location where, String format) {
    ctx.problems.at(where, "payload schema format '" + format + "' is not supported",
        "Write the payload as a JSON Schema (AsyncAPI schema format).");
  }

  // A message's own content type, a trait's, else the document's default.
  private String contentType(JsonNode node, List<JsonNode> traits) {
    String own = text(node, traits, "contentType");
    return own != null ? own : Nodes.text(ctx.root.root(), "defaultContentType");
  }

  private String correlationId(Location message, JsonNode node, List<JsonNode> traits) {
    Location where = message.child("correlationId");
    if (!node.has("correlationId")) {
      for (JsonNode trait : traits) {
        if (trait.path("correlationId").isObject() && !RefResolver.isRef(trait.get("correlationId"))) {
          return Nodes.text(trait.get("correlationId"), "location");
        }
      }
      return null;
    }
    RefResolver.Target target = ctx.refs.followAll(where, RefKind.CORRELATION_ID);
    return target == null ? null : Nodes.text(target.node(), "location");
  }

  /** Message traits, followed; the message's own fields win over theirs. */
  private List<JsonNode> traits(Location message, JsonNode node) {
    List<JsonNode> out = new ArrayList<>();
    JsonNode list = node.get("traits");
    if (list != null && list.isArray()) {
      for (int i = 0; i < list.size(); i++) {
        RefResolver.Target trait = ctx.refs.followAll(message.child("traits").child(i), RefKind.MESSAGE_TRAIT);
        if (trait != null && trait.node().isObject()) {
          out.add(trait.node());
        }
      }
    }
    return out;
  }

  private static String text(JsonNode node, List<JsonNode> traits, String field) {
    String own = Nodes.text(node, field);
    for (int i = 0; own == null && i < traits.size(); i++) {
      own = Nodes.text(traits.get(i), field);
    }
    return own;
  }

  private static List<JsonNode> withTraits(JsonNode node, List<JsonNode> traits, String field) {
    if (node.path(field).isArray()) {
      return List.of(node.get(field));
    }
    for (JsonNode trait : traits) {
      if (trait.path(field).isArray()) {
        return List.of(trait.get(field));
      }
    }
    return List.of();
  }
}
