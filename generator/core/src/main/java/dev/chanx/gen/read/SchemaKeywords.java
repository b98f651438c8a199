package dev.chanx.gen.read;

import com.fasterxml.jackson.databind.JsonNode;
import dev.chanx.gen.model.JsonType;
import dev.chanx.gen.model.Schema;
import java.math.BigDecimal;
import java.util.EnumSet;
import java.util.Set;

/**
 * Copies the keywords of one schema object into a builder. Keywords the model does not hold are
 * skipped: a document may use any JSON Schema keyword, and ignoring one is never an error.
 */
final class SchemaKeywords {

  private SchemaKeywords() {}

  /** The keywords that describe rather than constrain; they are kept even beside a $ref. */
  static void annotations(JsonNode node, Schema.Builder b) {
    b.title(text(node, "title"));
    b.description(text(node, "description"));
    if (node.has("default")) {
      b.defaultValue(node.get("default"));
    }
    if (node.path("examples").isArray()) {
      node.get("examples").forEach(b::example);
    } else if (node.has("example")) {
      b.example(node.get("example"));
    }
    b.deprecated(node.path("deprecated").asBoolean(false));
  }

  static void read(Location where, JsonNode node, Schema.Builder b, SchemaReader reader, Problems problems) {
    annotations(node, b);
    Set<JsonType> types = types(where, node, problems);
    if (node.path("nullable").asBoolean(false) && !types.isEmpty()) {
      types.add(JsonType.NULL); // OpenAPI 3.0 style; on an untyped schema null is already allowed
    }
    types.forEach(b::type);
    b.format(text(node, "format"));
    b.pattern(text(node, "pattern"));
    if (node.has("const")) {
      b.constValue(node.get("const"));
    }
    if (node.path("enum").isArray()) {
      node.get("enum").forEach(b::enumValue);
    }
    b.minLength(integer(node, "minLength"));
    b.maxLength(integer(node, "maxLength"));
    b.minItems(integer(node, "minItems"));
    b.maxItems(integer(node, "maxItems"));
    b.uniqueItems(node.path("uniqueItems").asBoolean(false));
    b.multipleOf(number(node, "multipleOf"));
    bounds(node, b);
    JsonNode items = node.get("items");
    if (items != null && (items.isObject() || items.isBoolean())) {
      b.items(valueSchema(where.child("items"), reader));
    }
    JsonNode properties = node.get("properties");
    if (properties != null && properties.isObject()) {
      properties.fieldNames().forEachRemaining(
          name -> b.property(name, valueSchema(where.child("properties").child(name), reader)));
    }
    if (node.path("required").isArray()) {
      node.get("required").forEach(r -> {
        if (r.isTextual()) {
          b.required(r.asText());
        }
      });
    }
    JsonNode additional = node.get("additionalProperties");
    if (additional != null && additional.isBoolean()) {
      b.additionalPropertiesAllowed(additional.asBoolean());
    } else if (additional != null && additional.isObject()) {
      b.additionalProperties(valueSchema(where.child("additionalProperties"), reader));
    }
    JsonNode discriminator = node.get("discriminator");
    if (discriminator != null && discriminator.isTextual()) {
      b.discriminator(discriminator.asText());
    } else if (discriminator != null && discriminator.path("propertyName").isTextual()) {
      b.discriminator(discriminator.get("propertyName").asText()); // OpenAPI style
    }
  }

  /** Reads the schema a value takes, warning when it describes objects or arrays without a type. */
  private static Schema valueSchema(Location where, SchemaReader reader) {
    Schema schema = reader.read(where);
    reader.warnUntyped(where, schema);
    return schema;
  }

  /** minimum/maximum, with draft-4's boolean exclusiveMinimum/Maximum turned into values. */
  private static void bounds(JsonNode node, Schema.Builder b) {
    BigDecimal minimum = number(node, "minimum");
    BigDecimal maximum = number(node, "maximum");
    JsonNode exclusiveMin = node.path("exclusiveMinimum");
    JsonNode exclusiveMax = node.path("exclusiveMaximum");
    if (exclusiveMin.isBoolean()) {
      if (exclusiveMin.asBoolean() && minimum != null) {
        b.exclusiveMinimum(minimum);
        minimum = null;
      }
    } else {
      b.exclusiveMinimum(number(node, "exclusiveMinimum"));
    }
    if (exclusiveMax.isBoolean()) {
      if (exclusiveMax.asBoolean() && maximum != null) {
        b.exclusiveMaximum(maximum);
        maximum = null;
      }
    } else {
      b.exclusiveMaximum(number(node, "exclusiveMaximum"));
    }
    b.minimum(minimum);
    b.maximum(maximum);
  }

  private static Set<JsonType> types(Location where, JsonNode node, Problems problems) {
    Set<JsonType> types = EnumSet.noneOf(JsonType.class);
    JsonNode type = node.get("type");
    if (type == null) {
      return types;
    }
    if (type.isTextual()) {
      add(types, type, where.child("type"), problems);
    } else if (type.isArray()) {
      for (int i = 0; i < type.size(); i++) {
        add(types, type.get(i), where.child("type").child(i), problems);
      }
    }
    return types;
  }

  private static void add(Set<JsonType> types, JsonNode value, Location where, Problems problems) {
    JsonType t = value.isTextual() ? JsonType.of(value.asText()) : null;
    // JsonType.of ignores case; JSON Schema does not.
    if (t == null || !t.name().toLowerCase(java.util.Locale.ROOT).equals(value.asText())) {
      problems.at(where, "'" + value.asText() + "' is not a JSON Schema type",
          "Use one of string, integer, number, boolean, object, array or null.");
      return;
    }
    types.add(t);
  }

  static String text(JsonNode node, String field) {
    JsonNode value = node.get(field);
    return value != null && value.isTextual() ? value.asText() : null;
  }

  private static Integer integer(JsonNode node, String field) {
    JsonNode value = node.get(field);
    return value != null && value.isNumber() && value.canConvertToInt() ? value.intValue() : null;
  }

  private static BigDecimal number(JsonNode node, String field) {
    JsonNode value = node.get(field);
    return value != null && value.isNumber() ? value.decimalValue() : null;
  }
}
