package dev.chanx.gen.read;

import com.fasterxml.jackson.databind.JsonNode;
import java.math.BigDecimal;
import java.util.HashSet;
import java.util.Iterator;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;

/**
 * Proves that one schema accepts every value another accepts, comparing their draft-07 contracts
 * ({@link dev.chanx.gen.model.Schema#contract()}) keyword by keyword. Sound, not complete: {@code
 * true} is a proof, {@code false} only means none was found, so a refusal built on it never
 * refuses a pair that some value tells apart.
 */
final class ContractInclusion {

  private static final int MAX_DEPTH = 32;

  private static final Set<String> STRING_WORDS = Set.of("minLength", "maxLength", "pattern", "format");
  private static final Set<String> NUMBER_WORDS = Set.of("minimum", "maximum", "exclusiveMinimum",
      "exclusiveMaximum", "multipleOf");
  private static final Set<String> ARRAY_WORDS = Set.of("items", "additionalItems", "minItems", "maxItems",
      "uniqueItems", "contains");
  private static final Set<String> OBJECT_WORDS = Set.of("properties", "required", "additionalProperties",
      "patternProperties", "minProperties", "maxProperties", "dependencies", "propertyNames");

  private final Function<String, JsonNode> named;

  private ContractInclusion(Function<String, JsonNode> named) {
    this.named = named;
  }

  /**
   * Whether every value {@code inner} accepts, {@code outer} accepts too.
   *
   * @param named the contract of the named schema a {@code {"$ref": key}} stands for, or null
   */
  static boolean includes(JsonNode outer, JsonNode inner, Function<String, JsonNode> named) {
    return outer != null && inner != null && new ContractInclusion(named).covers(outer, inner, 0);
  }

  /** Whether the two accept the same values, as far as can be proved. */
  static boolean same(JsonNode a, JsonNode b, Function<String, JsonNode> named) {
    return includes(a, b, named) && includes(b, a, named);
  }

  private JsonNode resolve(JsonNode node) {
    JsonNode at = node;
    for (int hops = 0; at != null && at.isObject() && at.has("$ref"); hops++) {
      if (hops > MAX_DEPTH) {
        return null;
      }
      at = named.apply(at.get("$ref").asText());
    }
    return at;
  }

  private boolean covers(JsonNode outerAsWritten, JsonNode innerAsWritten, int depth) {
    JsonNode outer = resolve(outerAsWritten);
    JsonNode inner = resolve(innerAsWritten);
    if (outer == null || inner == null || depth > MAX_DEPTH) {
      return false;
    }
    if (outer.equals(inner) || trivial(outer) || inner.isBoolean() && !inner.booleanValue()) {
      return true;
    }
    if (outer.isBoolean() || !outer.isObject() || !inner.isObject() && !inner.isBoolean()) {
      return false;
    }
    if (inner.isBoolean()) {
      return false; // inner accepts everything, outer constrains
    }
    Set<String> innerTypes = types(inner);
    for (Iterator<Map.Entry<String, JsonNode>> it = outer.fields(); it.hasNext(); ) {
      Map.Entry<String, JsonNode> word = it.next();
      if (!holds(word.getKey(), word.getValue(), outer, inner, innerTypes, depth)) {
        return false;
      }
    }
    return true;
  }

  // Whether every value of inner meets outer's keyword.
  private boolean holds(String keyword, JsonNode value, JsonNode outer, JsonNode inner, Set<String> innerTypes,
      int depth) {
    if (ContractReader.ANNOTATIONS.contains(keyword) || keyword.startsWith("x-")) {
      return true;
    }
    if (vacuous(keyword, innerTypes)) {
      return true;
    }
    JsonNode mine = inner.get(keyword);
    switch (keyword) {
      case "allOf" -> {
        for (JsonNode each : value) {
          if (!covers(each, inner, depth + 1)) {
            return false;
          }
        }
        return true;
      }
      case "anyOf" -> {
        for (JsonNode each : value) {
          if (covers(each, inner, depth + 1)) {
            return true;
          }
        }
        return value.equals(mine);
      }
      case "type" -> {
        Set<String> allowed = new HashSet<>();
        if (value.isTextual()) {
          allowed.add(value.asText());
        } else {
          value.forEach(t -> allowed.add(t.asText()));
        }
        return innerTypes != null && innerTypes.stream()
            .allMatch(t -> allowed.contains(t) || t.equals("integer") && allowed.contains("number"));
      }
      case "enum", "const" -> {
        JsonNode values = constants(inner);
        if (values == null) {
          return false;
        }
        for (JsonNode v : values) {
          boolean in = keyword.equals("const") ? value.equals(v) : contains(value, v);
          if (!in) {
            return false;
          }
        }
        return true;
      }
      case "required" -> {
        if (mine == null) {
          return value.isEmpty();
        }
        Set<String> names = new HashSet<>();
        mine.forEach(n -> names.add(n.asText()));
        for (JsonNode n : value) {
          if (!names.contains(n.asText())) {
            return false;
          }
        }
        return true;
      }
      case "properties" -> {
        for (Iterator<Map.Entry<String, JsonNode>> it = value.fields(); it.hasNext(); ) {
          Map.Entry<String, JsonNode> p = it.next();
          if (!covers(p.getValue(), valueOf(inner, p.getKey()), depth + 1)) {
            return false;
          }
        }
        return true;
      }
      case "additionalProperties" -> {
        if (outer.has("patternProperties") || inner.has("patternProperties")) {
          return value.equals(mine) && same(outer, inner, "properties") && same(outer, inner, "patternProperties");
        }
        JsonNode named = outer.path("properties");
        for (Iterator<Map.Entry<String, JsonNode>> it = inner.path("properties").fields(); it.hasNext(); ) {
          Map.Entry<String, JsonNode> p = it.next();
          if (!named.has(p.getKey()) && !covers(value, p.getValue(), depth + 1)) {
            return false;
          }
        }
        JsonNode others = inner.get("additionalProperties");
        return covers(value, others == null ? ANY : others, depth + 1);
      }
      case "items" -> {
        if (!value.isObject() && !value.isBoolean() || mine != null && !mine.isObject() && !mine.isBoolean()) {
          return value.equals(mine) && same(outer, inner, "additionalItems");
        }
        return covers(value, mine == null ? ANY : mine, depth + 1);
      }
      case "additionalItems" -> {
        return value.equals(mine) && same(outer, inner, "items");
      }
      case "if", "then", "else" -> {
        return same(outer, inner, "if") && same(outer, inner, "then") && same(outer, inner, "else");
      }
      case "minLength", "minItems", "minProperties", "minimum" -> {
        return mine != null && number(mine).compareTo(number(value)) >= 0
            || keyword.equals("minimum") && inner.has("exclusiveMinimum")
            && number(inner.get("exclusiveMinimum")).compareTo(number(value)) >= 0;
      }
      case "maxLength", "maxItems", "maxProperties", "maximum" -> {
        return mine != null && number(mine).compareTo(number(value)) <= 0
            || keyword.equals("maximum") && inner.has("exclusiveMaximum")
            && number(inner.get("exclusiveMaximum")).compareTo(number(value)) <= 0;
      }
      case "exclusiveMinimum" -> {
        return mine != null && number(mine).compareTo(number(value)) >= 0
            || inner.has("minimum") && number(inner.get("minimum")).compareTo(number(value)) > 0;
      }
      case "exclusiveMaximum" -> {
        return mine != null && number(mine).compareTo(number(value)) <= 0
            || inner.has("maximum") && number(inner.get("maximum")).compareTo(number(value)) < 0;
      }
      default -> {
        // Any other keyword constrains a value by itself: the same words in inner prove it.
        return value.equals(mine);
      }
    }
  }

  private static final JsonNode ANY = com.fasterxml.jackson.databind.node.BooleanNode.TRUE;

  /** The schema a property of inner's objects takes: its own, else what other keys take. */
  private JsonNode valueOf(JsonNode inner, String property) {
    JsonNode own = inner.path("properties").get(property);
    if (own != null) {
      return own;
    }
    if (inner.has("patternProperties")) {
      return ANY; // a pattern may match the name: prove nothing about it
    }
    JsonNode others = inner.get("additionalProperties");
    return others == null ? ANY : others;
  }

  private static boolean same(JsonNode a, JsonNode b, String keyword) {
    return java.util.Objects.equals(a.get(keyword), b.get(keyword));
  }

  private static boolean contains(JsonNode array, JsonNode value) {
    for (JsonNode v : array) {
      if (v.equals(value)) {
        return true;
      }
    }
    return false;
  }

  private static BigDecimal number(JsonNode n) {
    return n.isNumber() ? n.decimalValue() : BigDecimal.ZERO;
  }

  /** Whether outer's schema says nothing of values: true, or only annotations. */
  private static boolean trivial(JsonNode schema) {
    if (schema.isBoolean()) {
      return schema.booleanValue();
    }
    for (Iterator<String> it = schema.fieldNames(); it.hasNext(); ) {
      String keyword = it.next();
      if (!ContractReader.ANNOTATIONS.contains(keyword) && !keyword.startsWith("x-")) {
        return false;
      }
    }
    return true;
  }

  /** The values inner allows when it lists them ({@code const} or {@code enum}), else null. */
  private static JsonNode constants(JsonNode inner) {
    if (inner.has("const")) {
      return com.fasterxml.jackson.databind.node.JsonNodeFactory.instance.arrayNode().add(inner.get("const"));
    }
    JsonNode values = inner.get("enum");
    return values != null && values.isArray() ? values : null;
  }

  /** The JSON types inner's values may have, or null when any. */
  private static Set<String> types(JsonNode inner) {
    Set<String> out = new HashSet<>();
    JsonNode type = inner.get("type");
    if (type != null) {
      if (type.isTextual()) {
        out.add(type.asText());
      } else {
        type.forEach(t -> out.add(t.asText()));
      }
      if (out.contains("number")) {
        out.add("integer");
      }
      return out;
    }
    JsonNode values = constants(inner);
    if (values == null) {
      return null;
    }
    for (JsonNode v : values) {
      out.add(v.isNull() ? "null" : v.isTextual() ? "string" : v.isBoolean() ? "boolean"
          : v.isIntegralNumber() || v.isNumber() && v.decimalValue().stripTrailingZeros().scale() <= 0 ? "integer"
          : v.isNumber() ? "number" : v.isArray() ? "array" : "object");
    }
    return out;
  }

  // A keyword about one JSON type holds for values of other types.
  private static boolean vacuous(String keyword, Set<String> innerTypes) {
    if (innerTypes == null) {
      return false;
    }
    if (STRING_WORDS.contains(keyword)) {
      return !innerTypes.contains("string");
    }
    if (NUMBER_WORDS.contains(keyword)) {
      return !innerTypes.contains("number") && !innerTypes.contains("integer");
    }
    if (ARRAY_WORDS.contains(keyword)) {
      return !innerTypes.contains("array");
    }
    if (OBJECT_WORDS.contains(keyword)) {
      return !innerTypes.contains("object");
    }
    return false;
  }
}
