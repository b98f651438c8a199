package dev.chanx.gen.codegen;

import com.fasterxml.jackson.databind.JsonNode;
import dev.chanx.gen.model.Schema;
import java.util.HashSet;
import java.util.Map;
import java.util.Set;

/**
 * Decides whether a message's generated reader holds its whole contract by itself: every rule of
 * the schema is one the reader checks exactly as JSON Schema does (types, properties, required
 * and closed objects, lists, string and number bounds and patterns, string enums and constants,
 * RFC 3339 dates). Such a
 * message is read straight into its record, on the quick path too; any other is first checked
 * against its compiled {@link Schema#contract()}. The answer errs on the side of checking.
 */
final class ContractCoverage {

  private static final Set<String> DESCRIPTIVE = Set.of("$schema", "$comment", "title", "description",
      "default", "readOnly", "writeOnly", "examples", "example", "contentMediaType", "contentEncoding",
      "deprecated", "discriminator", "externalDocs", "xml");

  private static final Set<String> HELD = Set.of("type", "properties", "required", "additionalProperties",
      "items", "minItems", "maxItems", "minLength", "maxLength", "pattern", "format", "minimum", "maximum",
      "exclusiveMinimum", "exclusiveMaximum", "multipleOf", "enum", "const");

  private final Map<String, Schema> schemas;
  private final Set<String> visiting = new HashSet<>();

  private ContractCoverage(Map<String, Schema> schemas) {
    this.schemas = schemas;
  }

  /** Whether the reader generated for {@code contract} checks all of it. */
  static boolean readerHolds(JsonNode contract, Map<String, Schema> schemas) {
    return contract != null && new ContractCoverage(schemas).holds(contract);
  }

  private boolean holds(JsonNode node) {
    if (node.isBoolean()) {
      return node.booleanValue(); // true reads any value; false is no Java type
    }
    if (node.has("$ref")) {
      String key = node.get("$ref").asText();
      Schema target = schemas.get(key);
      // A schema met again on the way down is being decided already.
      return visiting.contains(key) || target != null && target.contract() != null
          && visiting.add(key) && holds(target.contract());
    }
    if (node.has(SUBTYPES)) {
      return subtypes(node.path("allOf"));
    }
    boolean typed = node.has("type");
    for (var it = node.fieldNames(); it.hasNext(); ) {
      String keyword = it.next();
      boolean untypedFine = keyword.equals("enum") || keyword.equals("const");
      if (!DESCRIPTIVE.contains(keyword) && !keyword.startsWith("x-")
          && !(HELD.contains(keyword) && (typed || untypedFine))) {
        return false;
      }
    }
    return type(node.get("type")) && values(node) && object(node) && array(node) && format(node);
  }

  /** Marks a base with subtypes (OpenAPI polymorphism), as the reader writes its contract. */
  private static final String SUBTYPES = "x-chanx-subtypes";

  // A base with subtypes is a union read by its discriminator: held when the base's rules are and
  // each subtype's own are, on properties of its own (a merged rule on a shared one may differ).
  private boolean subtypes(JsonNode members) {
    JsonNode base = members.path(0);
    Set<String> shared = new HashSet<>();
    base.path("properties").fieldNames().forEachRemaining(shared::add);
    if (!holds(base)) {
      return false;
    }
    for (int i = 1; i < members.size() - 1; i++) {
      JsonNode own = members.get(i).path("then");
      for (var it = own.path("properties").fieldNames(); it.hasNext(); ) {
        if (shared.contains(it.next())) {
          return false;
        }
      }
      if (!own.isObject() || !holds(own)) {
        return false;
      }
    }
    return true;
  }

  // The readers of OffsetDateTime and LocalDate accept what RFC 3339 does, as the formats say.
  private static boolean format(JsonNode node) {
    JsonNode format = node.get("format");
    return format == null || node.path("type").asText().equals("string")
        && (format.asText().equals("date-time") || format.asText().equals("date"));
  }

  // One type, or one type and null: a Java type holds it.
  private static boolean type(JsonNode type) {
    if (type == null || type.isTextual()) {
      return true;
    }
    int others = 0;
    for (JsonNode t : type) {
      others += t.asText().equals("null") ? 0 : 1;
    }
    return type.isArray() && others == 1 && type.size() <= 2;
  }

  // String enums become Java enums, number enums a rule; a constant is a string the record keeps.
  private static boolean values(JsonNode node) {
    JsonNode constant = node.get("const");
    if (constant != null && !constant.isTextual()) {
      return false;
    }
    JsonNode values = node.get("enum");
    if (values == null) {
      return true;
    }
    boolean strings = true;
    boolean numbers = true;
    for (JsonNode v : values) {
      strings &= v.isTextual();
      numbers &= v.isNumber();
    }
    return values.isArray() && values.size() > 0 && (strings || numbers && node.has("type"));
  }

  private boolean object(JsonNode node) {
    JsonNode properties = node.get("properties");
    JsonNode additional = node.get("additionalProperties");
    JsonNode required = node.get("required");
    if (required != null) {
      for (JsonNode name : required) {
        if (properties == null || !properties.has(name.asText())) {
          return false;
        }
      }
    }
    if (additional != null && !additional.isBoolean() && (properties != null || !holds(additional))) {
      return false;
    }
    if (properties != null) {
      for (JsonNode p : properties) {
        if (!holds(p)) {
          return false;
        }
      }
    }
    return true;
  }

  private boolean array(JsonNode node) {
    JsonNode items = node.get("items");
    return items == null || items.isObject() && holds(items);
  }

}
