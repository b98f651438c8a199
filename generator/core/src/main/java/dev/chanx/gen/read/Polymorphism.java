package dev.chanx.gen.read;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.databind.node.TextNode;
import dev.chanx.gen.model.JsonType;
import dev.chanx.gen.model.Schema;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * OpenAPI's polymorphism: a named schema with a {@code discriminator} (a name, or {@code
 * {propertyName, mapping}}) and the component schemas that are {@code allOf} it and more. The base
 * becomes a choice of its subtypes, picked by the discriminator's value: the subtype's component
 * name, or the {@code mapping} key that names it. Each subtype's discriminator becomes that
 * constant, and the base's contract holds each subtype's own rules under its value, so that
 * whatever refers to the base reads, and is checked as, the subtype the frame names.
 */
final class Polymorphism {

  private static final JsonNodeFactory JSON = JsonNodeFactory.instance;

  /**
   * Marks a base's contract: {@code allOf} the base's own, then an {@code if}/{@code then} per
   * subtype, then the discriminator's values; the generated reader of the base reads that shape.
   */
  static final String SUBTYPES = "x-chanx-subtypes";

  private final SchemaReader schemas;
  private final Problems problems;

  Polymorphism(SchemaReader schemas, Problems problems) {
    this.schemas = schemas;
    this.problems = problems;
  }

  /** Turns every base with a discriminator and subtypes into a choice of them. */
  void apply() {
    for (String key : new ArrayList<>(schemas.named().keySet())) {
      Schema base = schemas.named().get(key);
      Location at = schemas.location(key);
      if (base == null || at == null || base.discriminator() == null || !base.oneOf().isEmpty()
          || !base.anyOf().isEmpty() || !at.node().has("discriminator")) {
        continue;
      }
      Map<String, String> subtypes = subtypes(key, at);
      if (!subtypes.isEmpty()) {
        polymorph(key, base, at, subtypes);
      }
    }
  }

  // Value to subtype key: the mapping first, then every component schema that is allOf the base.
  private Map<String, String> subtypes(String baseKey, Location base) {
    Map<String, String> out = new LinkedHashMap<>();
    JsonNode mapping = base.node().path("discriminator").path("mapping");
    for (Iterator<Map.Entry<String, JsonNode>> it = mapping.fields(); it.hasNext(); ) {
      Map.Entry<String, JsonNode> entry = it.next();
      String target = entry.getValue().asText();
      String pointer = target.startsWith("#") ? target.substring(1) : "/components/schemas/" + target;
      Location sub = base.doc().at(pointer);
      if (sub.node().isMissingNode()) {
        problems.at(base.child("discriminator").child("mapping").child(entry.getKey()),
            "discriminator mapping '" + entry.getKey() + "' leads nowhere ('" + target + "')",
            "Map the value to a schema of this file, such as '#/components/schemas/Cat'.");
        continue;
      }
      out.put(entry.getKey(), schemas.readNamed(sub));
    }
    JsonNode components = base.doc().root().path("components").path("schemas");
    for (Iterator<Map.Entry<String, JsonNode>> it = components.fields(); it.hasNext(); ) {
      Map.Entry<String, JsonNode> entry = it.next();
      Location sub = base.doc().at(Pointer.append("/components/schemas", entry.getKey()));
      if (extendsBase(entry.getValue(), base) && !out.containsValue(sub.canonical())) {
        out.put(entry.getKey(), schemas.readNamed(sub));
      }
    }
    out.values().removeIf(baseKey::equals);
    return out;
  }

  private static boolean extendsBase(JsonNode schema, Location base) {
    for (JsonNode member : schema.path("allOf")) {
      if (member.path("$ref").asText("").equals("#" + base.pointer())) {
        return true;
      }
    }
    return false;
  }

  private void polymorph(String key, Schema base, Location at, Map<String, String> subtypes) {
    String property = base.discriminator();
    Schema.Builder choice = base.toBuilder();
    Schema.Builder tag = Schema.builder(Pointer.append(at.canonical() + "/properties", property))
        .type(JsonType.STRING);
    ArrayNode values = JSON.arrayNode();
    ArrayNode all = JSON.arrayNode();
    JsonNode baseContract = base.contract();
    all.add(baseContract == null ? JSON.objectNode() : baseContract);
    List<String> order = new ArrayList<>();
    for (Map.Entry<String, String> sub : subtypes.entrySet()) {
      String value = sub.getKey();
      Schema subtype = schemas.named().get(sub.getValue());
      if (subtype == null) {
        continue;
      }
      order.add(value);
      values.add(value);
      tag.enumValue(TextNode.valueOf(value));
      Schema constant = Schema.builder(Pointer.append(subtype.pointer() + "/properties", property))
          .type(JsonType.STRING).constValue(TextNode.valueOf(value)).build();
      Schema.Builder fixed = subtype.toBuilder().property(property, constant).discriminator(null);
      if (base.required().contains(property)) {
        fixed.required(property);
      }
      JsonNode own = own(subtype.contract(), key);
      ObjectNode named = JSON.objectNode();
      named.putObject("properties").putObject(property).put("const", value);
      fixed.contract(JSON.objectNode().set("allOf", JSON.arrayNode()
          .add(subtype.contract() == null ? JSON.objectNode() : subtype.contract()).add(named)));
      schemas.replace(sub.getValue(), fixed.build());
      choice.oneOf(Schema.reference(Pointer.append(at.canonical() + "/discriminator", value), sub.getValue()));
      ObjectNode when = JSON.objectNode();
      ObjectNode test = when.putObject("if");
      test.putObject("properties").putObject(property).put("const", value);
      test.putArray("required").add(property);
      when.set("then", own);
      all.add(when);
    }
    ObjectNode picked = JSON.objectNode();
    picked.putArray("required").add(property);
    picked.putObject("properties").putObject(property).set("enum", values);
    all.add(picked);
    ObjectNode contract = JSON.objectNode();
    contract.put(SUBTYPES, true);
    contract.set("allOf", all);
    choice.property(property, tag.build()).required(property).contract(contract);
    schemas.replace(key, choice.build());
  }

  // A subtype's rules without the base it extends: its contract less the allOf member that refers
  // to the base, which holds the subtype's rules and would otherwise lead back here.
  private static JsonNode own(JsonNode contract, String baseKey) {
    if (contract == null || !contract.isObject()) {
      return JSON.objectNode();
    }
    ObjectNode copy = ((ObjectNode) contract).deepCopy();
    JsonNode members = copy.get("allOf");
    if (members != null && members.isArray()) {
      ArrayNode kept = JSON.arrayNode();
      for (JsonNode member : members) {
        if (!member.path("$ref").asText("").equals(baseKey)) {
          kept.add(member);
        }
      }
      copy.set("allOf", kept);
      if (kept.isEmpty()) {
        copy.remove("allOf");
      } else if (kept.size() == 1 && copy.size() == 1) {
        return kept.get(0);
      }
    }
    return copy;
  }
}
