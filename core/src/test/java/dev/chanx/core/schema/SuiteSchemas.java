package dev.chanx.core.schema;

import com.fasterxml.jackson.databind.JsonNode;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.Iterator;
import java.util.List;
import java.util.Map;

/**
 * Test only: turns a draft-07 schema, as a JSON tree, into {@link JsonSchema.Builder} calls, as
 * the generator would. Local {@code $ref}s (JSON pointers into the same document, with {@code ~0},
 * {@code ~1} and percent-encoding) become {@link JsonSchema#ref}s; a schema that needs
 * {@code $id}-based or remote resolution is refused.
 */
final class SuiteSchemas {

  /** A schema this translator does not resolve: remote or {@code $id}-based references. */
  static final class Refused extends RuntimeException {
    Refused(String why) {
      super(why);
    }
  }

  private final JsonNode root;
  private final Map<String, JsonSchema> byPointer = new HashMap<>();
  private boolean sawId;
  private boolean sawRef;

  private SuiteSchemas(JsonNode root) {
    this.root = root;
  }

  static JsonSchema translate(JsonNode root) {
    SuiteSchemas schemas = new SuiteSchemas(root);
    JsonSchema schema = schemas.build(root);
    JsonNode definitions = root.path("definitions");
    for (Iterator<String> names = definitions.fieldNames(); names.hasNext(); ) {
      String name = names.next().replace("~", "~0").replace("/", "~1").replace("%", "%25");
      schemas.resolve("#/definitions/" + name);
    }
    if (schemas.sawId && schemas.sawRef) {
      throw new Refused("$ref resolved against an $id");
    }
    return schema;
  }

  private JsonSchema resolve(String ref) {
    JsonSchema known = byPointer.get(ref);
    if (known != null) {
      return known;
    }
    JsonNode target = root;
    String pointer = URLDecoder.decode(ref.substring(1).replace("+", "%2B"), StandardCharsets.UTF_8);
    if (!pointer.isEmpty()) {
      if (!pointer.startsWith("/")) {
        throw new Refused("anchor reference " + ref);
      }
      for (String token : pointer.substring(1).split("/", -1)) {
        String key = token.replace("~1", "/").replace("~0", "~");
        target = target.isArray() ? target.path(Integer.parseInt(key)) : target.path(key);
      }
    }
    if (target.isMissingNode()) {
      throw new Refused("unresolvable " + ref);
    }
    // Registered before building so that a schema that refers to itself finds itself.
    JsonSchema[] built = new JsonSchema[1];
    byPointer.put(ref, JsonSchema.ref(() -> built[0]));
    built[0] = build(target);
    return byPointer.get(ref);
  }

  JsonSchema build(JsonNode node) {
    if (node.isBoolean()) {
      return node.booleanValue() ? JsonSchema.anything() : JsonSchema.nothing();
    }
    if (node.path("$id").isTextual()) {
      sawId = true;
    }
    JsonNode ref = node.get("$ref");
    if (ref != null) {
      sawRef = true;
      if (!ref.textValue().startsWith("#")) {
        throw new Refused("remote reference " + ref.textValue());
      }
      return resolve(ref.textValue());
    }
    JsonSchema.Builder b = JsonSchema.builder();
    for (Iterator<Map.Entry<String, JsonNode>> it = node.fields(); it.hasNext(); ) {
      Map.Entry<String, JsonNode> keyword = it.next();
      keyword(b, keyword.getKey(), keyword.getValue(), node);
    }
    return b.build();
  }

  private void keyword(JsonSchema.Builder b, String name, JsonNode v, JsonNode node) {
    switch (name) {
      case "type" -> b.type(v.isArray() ? strings(v) : new String[] {v.textValue()});
      case "enum" -> b.enumValues(v.toString());
      case "const" -> b.constant(v.toString());
      case "minLength" -> b.minLength(v.asLong());
      case "maxLength" -> b.maxLength(v.asLong());
      case "pattern" -> b.pattern(v.textValue());
      case "format" -> b.format(v.textValue());
      case "minimum" -> b.minimum(v.asText());
      case "maximum" -> b.maximum(v.asText());
      case "exclusiveMinimum" -> b.exclusiveMinimum(v.asText());
      case "exclusiveMaximum" -> b.exclusiveMaximum(v.asText());
      case "multipleOf" -> b.multipleOf(v.asText());
      case "items" -> {
        if (v.isArray()) {
          b.tupleItems(schemas(v));
        } else {
          b.items(build(v));
        }
      }
      case "additionalItems" -> b.additionalItems(build(v));
      case "contains" -> b.contains(build(v));
      case "minItems" -> b.minItems(v.asLong());
      case "maxItems" -> b.maxItems(v.asLong());
      case "uniqueItems" -> {
        if (v.booleanValue()) {
          b.uniqueItems();
        }
      }
      case "properties" -> v.fields().forEachRemaining(p -> b.property(p.getKey(), build(p.getValue())));
      case "patternProperties" ->
          v.fields().forEachRemaining(p -> b.patternProperty(p.getKey(), build(p.getValue())));
      case "additionalProperties" -> b.additionalProperties(build(v));
      case "required" -> b.required(strings(v));
      case "propertyNames" -> b.propertyNames(build(v));
      case "minProperties" -> b.minProperties(v.asLong());
      case "maxProperties" -> b.maxProperties(v.asLong());
      case "dependencies" -> v.fields().forEachRemaining(d -> {
        if (d.getValue().isArray()) {
          b.dependentRequired(d.getKey(), strings(d.getValue()));
        } else {
          b.dependentSchema(d.getKey(), build(d.getValue()));
        }
      });
      case "allOf" -> b.allOf(schemas(v));
      case "anyOf" -> b.anyOf(schemas(v));
      case "oneOf" -> b.oneOf(schemas(v));
      case "not" -> b.not(build(v));
      case "if" -> b.condition(build(v), node.has("then") ? build(node.get("then")) : null,
          node.has("else") ? build(node.get("else")) : null);
      default -> { }
    }
  }

  private JsonSchema[] schemas(JsonNode array) {
    List<JsonSchema> list = new ArrayList<>();
    array.forEach(item -> list.add(build(item)));
    return list.toArray(new JsonSchema[0]);
  }

  private static String[] strings(JsonNode array) {
    List<String> list = new ArrayList<>();
    array.forEach(item -> list.add(item.textValue()));
    return list.toArray(new String[0]);
  }
}
