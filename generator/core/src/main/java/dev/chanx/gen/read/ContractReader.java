package dev.chanx.gen.read;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.chanx.core.schema.EcmaRegex;
import java.util.Iterator;
import java.util.Map;
import java.util.Set;
import java.util.function.BiFunction;

/**
 * Reads a schema as JSON Schema draft-07 reads it, for validation: a copy with every keyword that
 * constrains an instance, each {@code $ref} replaced by {@code {"$ref": key}} of the named schema
 * it leads to, OpenAPI's {@code nullable} and draft-4's boolean {@code exclusiveMinimum} turned into
 * their draft-07 spelling. What it cannot enforce it says: a keyword it does not know, a format it
 * does not check, a pattern with no Java translation.
 */
final class ContractReader {

  /** Keywords that constrain an instance; each holds schemas as {@link #schemaPlaces} says. */
  static final Set<String> CONSTRAINTS = Set.of("type", "enum", "const", "multipleOf", "maximum",
      "exclusiveMaximum", "minimum", "exclusiveMinimum", "maxLength", "minLength", "pattern", "items",
      "additionalItems", "maxItems", "minItems", "uniqueItems", "contains", "maxProperties", "minProperties",
      "required", "properties", "patternProperties", "additionalProperties", "dependencies", "propertyNames",
      "if", "then", "else", "allOf", "anyOf", "oneOf", "not", "format", "$ref");

  /**
   * Keywords that describe without constraining (draft-07's annotations, AsyncAPI's and OpenAPI's
   * additions); {@code definitions} (and 2019-09's {@code $defs}, which Pydantic writes) only
   * holds schemas for references.
   */
  static final Set<String> ANNOTATIONS = Set.of("$schema", "$id", "$comment", "title", "description", "default",
      "readOnly", "writeOnly", "examples", "example", "definitions", "$defs", "contentMediaType", "contentEncoding",
      "deprecated", "nullable", "discriminator", "externalDocs", "xml");

  /** The formats the runtime checks. */
  static final Set<String> FORMATS = Set.of("date-time", "date", "time", "email", "idn-email", "hostname",
      "idn-hostname", "ipv4", "ipv6", "uri", "uri-reference", "iri", "iri-reference", "uri-template",
      "json-pointer", "relative-json-pointer", "regex");

  /** Formats of OpenAPI and AsyncAPI that only name a representation: the generated type holds them. */
  static final Set<String> REPRESENTATIONS = Set.of("int32", "int64", "float", "double", "uuid");

  private final Problems problems;
  private final BiFunction<Location, JsonNode, String> refs;
  private final boolean assertFormats;

  /**
   * @param refs follows the {@code $ref} held at a place to the key of the named schema it leads
   *     to (reading it), or null when it leads nowhere (a problem is then already recorded)
   * @param assertFormats whether {@code format} is checked; when not, it is an annotation
   */
  ContractReader(Problems problems, BiFunction<Location, JsonNode, String> refs, boolean assertFormats) {
    this.problems = problems;
    this.refs = refs;
    this.assertFormats = assertFormats;
  }

  /** The contract of the schema written at {@code where}. */
  JsonNode read(Location where) {
    JsonNode node = where.node();
    if (node.isBoolean()) {
      return node;
    }
    if (!node.isObject()) {
      return JsonNodeFactory.instance.booleanNode(true); // SchemaReader reports it
    }
    if (RefResolver.isRef(node)) {
      String key = refs.apply(where, node);
      if (key == null) {
        return JsonNodeFactory.instance.booleanNode(true);
      }
      ObjectNode ref = JsonNodeFactory.instance.objectNode().put("$ref", key);
      if (!node.path("nullable").asBoolean(false)) {
        return ref;
      }
      // OpenAPI's nullable beside a reference, as SchemaReader reads it: the schema, or null.
      ObjectNode either = JsonNodeFactory.instance.objectNode();
      either.putArray("anyOf").add(ref).add(JsonNodeFactory.instance.objectNode().put("type", "null"));
      return either;
    }
    ObjectNode out = JsonNodeFactory.instance.objectNode();
    for (Iterator<Map.Entry<String, JsonNode>> it = node.fields(); it.hasNext(); ) {
      Map.Entry<String, JsonNode> field = it.next();
      String keyword = field.getKey();
      JsonNode value = field.getValue();
      Location at = where.child(keyword);
      if (CONSTRAINTS.contains(keyword)) {
        constraint(out, keyword, value, at);
      } else if ((keyword.equals("definitions") || keyword.equals("$defs")) && value.isObject()) {
        value.fieldNames().forEachRemaining(name -> read(at.child(name))); // reached for their references
      } else if (keyword.equals("$id") && where.pointer().length() > 0 && hasReference(node)) {
        problems.at(at, "'$id' changes the base of the references below it, which are read from the document"
            + " instead", "Refer to the schemas by their place in the document, such as #/components/schemas/Name.");
      } else if (!ANNOTATIONS.contains(keyword) && !keyword.startsWith("x-")) {
        String near = Suggest.closest(keyword, CONSTRAINTS);
        problems.warn(at, "keyword '" + keyword + "' is not JSON Schema draft-07 and is not enforced",
            near != null ? "Did you mean '" + near + "'?" : "Remove it, or prefix it with x- if it is an extension.");
      }
    }
    normalise(node, out);
    return out;
  }

  private void constraint(ObjectNode out, String keyword, JsonNode value, Location at) {
    switch (keyword) {
      case "properties", "patternProperties", "dependencies" -> {
        if (!value.isObject()) {
          return;
        }
        ObjectNode map = out.putObject(keyword);
        value.fieldNames().forEachRemaining(name -> {
          JsonNode member = value.get(name);
          if (keyword.equals("patternProperties")) {
            pattern(name, at.child(name));
          }
          // dependencies: an array of names is kept as written, a schema is read.
          map.set(name, member.isArray() ? member : read(at.child(name)));
        });
      }
      case "items", "allOf", "anyOf", "oneOf" -> {
        if (value.isArray()) {
          ArrayNode list = out.putArray(keyword);
          for (int i = 0; i < value.size(); i++) {
            list.add(read(at.child(i)));
          }
        } else {
          out.set(keyword, read(at));
        }
      }
      case "additionalItems", "contains", "additionalProperties", "propertyNames", "if", "then", "else",
          "not" -> out.set(keyword, read(at));
      case "pattern" -> {
        if (value.isTextual()) {
          pattern(value.asText(), at);
        }
        out.set(keyword, value);
      }
      case "format" -> format(out, value, at);
      default -> out.set(keyword, value); // enum and const values are data: never read as schemas
    }
  }

  private void pattern(String pattern, Location at) {
    try {
      EcmaRegex.toJava(pattern);
    } catch (IllegalArgumentException e) {
      problems.at(at, "pattern '" + pattern + "' can't be generated: " + e.getMessage(),
          "Write the pattern in the part of ECMA-262 that Java's regular expressions can match alike.");
    }
  }

  private void format(ObjectNode out, JsonNode value, Location at) {
    if (!value.isTextual() || !assertFormats) {
      return;
    }
    String format = value.asText();
    if (FORMATS.contains(format)) {
      out.set("format", value);
    } else if (!REPRESENTATIONS.contains(format)) {
      problems.warn(at, "format '" + format + "' is not checked",
          "Checked formats: " + String.join(", ", FORMATS.stream().sorted().toList()) + ".");
    }
  }

  /** OpenAPI's nullable and draft-4's boolean exclusive bounds, in draft-07's words. */
  private static void normalise(JsonNode written, ObjectNode out) {
    if (written.path("nullable").asBoolean(false) && out.has("type")) {
      JsonNode type = out.get("type");
      ArrayNode types = JsonNodeFactory.instance.arrayNode();
      if (type.isArray()) {
        types.addAll((ArrayNode) type);
      } else {
        types.add(type);
      }
      boolean hasNull = false;
      for (JsonNode t : types) {
        hasNull |= t.asText().equals("null");
      }
      if (!hasNull) {
        types.add("null");
      }
      out.set("type", types);
    }
    for (String bound : new String[] {"Minimum", "Maximum"}) {
      JsonNode exclusive = out.get("exclusive" + bound);
      if (exclusive != null && exclusive.isBoolean()) {
        out.remove("exclusive" + bound);
        String plain = bound.toLowerCase(java.util.Locale.ROOT);
        if (exclusive.asBoolean() && out.has(plain)) {
          out.set("exclusive" + bound, out.remove(plain));
        }
      }
    }
  }

  private static boolean hasReference(JsonNode node) {
    if (RefResolver.isRef(node)) {
      return true;
    }
    for (JsonNode child : node) {
      if (child.isContainerNode() && hasReference(child)) {
        return true;
      }
    }
    return false;
  }
}
