package dev.chanx.gen.codegen;

import com.fasterxml.jackson.databind.JsonNode;
import com.palantir.javapoet.ClassName;
import com.palantir.javapoet.CodeBlock;
import com.palantir.javapoet.FieldSpec;
import dev.chanx.gen.model.Schema;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import javax.lang.model.element.Modifier;

/**
 * Writes contracts as {@code JsonSchema} constants: each message's schema, and each named schema
 * it refers to, compiled once by builder calls that follow the document keyword by keyword. A
 * reference is a lazy {@code JsonSchema.ref} to the named schema's constant, so recursion ends.
 */
final class ContractWriter {

  private final ClassName owner;
  private final Map<String, Schema> schemas;
  private final Names names;
  private final Map<String, String> byKey = new HashMap<>();
  private final List<FieldSpec> constants = new ArrayList<>();
  private final List<String> pending = new ArrayList<>();

  /**
   * @param owner the class that holds the constants
   * @param names the allocator of that class's member names, with the messages' constants taken
   */
  ContractWriter(ClassName owner, Map<String, Schema> schemas, Names names) {
    this.owner = owner;
    this.schemas = schemas;
    this.names = names;
  }

  /** Declares the constant {@code name} for a message's contract, and those of the schemas it refers to. */
  void message(String name, String messageKey, String pointer, JsonNode contract) {
    schema(name, "The schema of message {@code " + messageKey + "}, at {@code " + pointer + "}.", contract);
  }

  /** Declares the constant {@code name} for any other contract, and those of the schemas it refers to. */
  void schema(String name, String doc, JsonNode contract) {
    constants.add(constant(name, doc, contract));
    drain();
  }

  /** The constants declared so far. */
  List<FieldSpec> constants() {
    return constants;
  }

  private void drain() {
    while (!pending.isEmpty()) {
      String key = pending.remove(0);
      constants.add(constant(byKey.get(key), "The schema at {@code " + key + "}.", schemas.get(key).contract()));
    }
  }

  private FieldSpec constant(String name, String doc, JsonNode contract) {
    return FieldSpec.builder(Types.JSON_SCHEMA, name, Modifier.STATIC, Modifier.FINAL)
        .addJavadoc(doc.replace("$", "$$") + "\n")
        .initializer(schema(contract))
        .build();
  }

  private String named(String key) {
    String name = byKey.get(key);
    if (name == null) {
      Schema target = schemas.get(key);
      String base = target != null && target.name() != null ? target.name() : key.substring(key.lastIndexOf('/') + 1);
      name = names.allocate(Names.upperSnake(base, "DEFINITION") + "_SCHEMA");
      byKey.put(key, name);
      pending.add(key);
    }
    return name;
  }

  private CodeBlock schema(JsonNode node) {
    if (node.isBoolean()) {
      return CodeBlock.of("$T.$L()", Types.JSON_SCHEMA, node.booleanValue() ? "anything" : "nothing");
    }
    if (node.has("$ref")) {
      return CodeBlock.of("$T.ref(() -> $T.$N)", Types.JSON_SCHEMA, owner, named(node.get("$ref").asText()));
    }
    CodeBlock.Builder code = CodeBlock.builder().add("$T.builder()", Types.JSON_SCHEMA).indent();
    for (Iterator<Map.Entry<String, JsonNode>> it = node.fields(); it.hasNext(); ) {
      Map.Entry<String, JsonNode> field = it.next();
      keyword(code, field.getKey(), field.getValue(), node);
    }
    return code.add("\n.build()").unindent().build();
  }

  private void keyword(CodeBlock.Builder code, String keyword, JsonNode value, JsonNode node) {
    switch (keyword) {
      case "type" -> code.add("\n.type($L)", strings(value.isArray() ? value : List.of(value)));
      case "enum" -> code.add("\n.enumValues($S)", value.toString());
      case "const" -> code.add("\n.constant($S)", value.toString());
      case "minLength", "maxLength", "minItems", "maxItems", "minProperties", "maxProperties" ->
          code.add("\n.$L($L)", keyword, value.asLong());
      case "minimum", "maximum", "exclusiveMinimum", "exclusiveMaximum", "multipleOf" ->
          code.add("\n.$L($S)", keyword, value.isNumber() ? value.decimalValue().toString() : value.asText());
      case "pattern", "format" -> code.add("\n.$L($S)", keyword, value.asText());
      case "uniqueItems" -> {
        if (value.asBoolean(false)) {
          code.add("\n.uniqueItems()");
        }
      }
      case "required" -> code.add("\n.required($L)", strings(value));
      case "properties", "patternProperties" -> value.fields().forEachRemaining(p -> code.add("\n.$L($S, $L)",
          keyword.equals("properties") ? "property" : "patternProperty", p.getKey(), schema(p.getValue())));
      case "dependencies" -> value.fields().forEachRemaining(d -> code.add(d.getValue().isArray()
          ? CodeBlock.of("\n.dependentRequired($S$L)", d.getKey(), prefixed(d.getValue()))
          : CodeBlock.of("\n.dependentSchema($S, $L)", d.getKey(), schema(d.getValue()))));
      case "items" -> code.add(value.isArray() ? CodeBlock.of("\n.tupleItems($L)", schemas(value))
          : CodeBlock.of("\n.items($L)", schema(value)));
      case "additionalItems", "contains", "additionalProperties", "propertyNames", "not" ->
          code.add("\n.$L($L)", keyword, schema(value));
      case "allOf", "anyOf", "oneOf" -> code.add("\n.$L($L)", keyword, schemas(value));
      case "if" -> code.add("\n.condition($L, $L, $L)", schema(value), optional(node.get("then")),
          optional(node.get("else")));
      default -> { } // then and else go with if; a lone then or else has no effect
    }
  }

  private CodeBlock optional(JsonNode node) {
    return node == null ? CodeBlock.of("null") : schema(node);
  }

  private CodeBlock schemas(JsonNode list) {
    List<CodeBlock> out = new ArrayList<>();
    list.forEach(s -> out.add(schema(s)));
    return CodeBlock.join(out, ",\n");
  }

  private static CodeBlock strings(Iterable<JsonNode> values) {
    List<CodeBlock> out = new ArrayList<>();
    values.forEach(v -> out.add(CodeBlock.of("$S", v.asText())));
    return CodeBlock.join(out, ", ");
  }

  private static CodeBlock prefixed(JsonNode values) {
    CodeBlock.Builder out = CodeBlock.builder();
    values.forEach(v -> out.add(", $S", v.asText()));
    return out.build();
  }
}
