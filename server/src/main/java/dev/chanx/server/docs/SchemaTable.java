package dev.chanx.server.docs;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Set;

/** Renders a JSON schema as a table of its properties, nested ones under dotted paths. */
final class SchemaTable {

  private static final int MAX_DEPTH = 8;
  private static final String[] NOTES = {
    "format", "pattern", "minLength", "maxLength", "minimum", "maximum", "exclusiveMinimum",
    "exclusiveMaximum", "multipleOf", "minItems", "maxItems", "uniqueItems", "default"
  };

  private final Refs refs;

  SchemaTable(Refs refs) {
    this.refs = refs;
  }

  /** Appends the table, or nothing when the schema has no properties to list. */
  void render(JsonNode schema, Html html) {
    List<String[]> rows = new ArrayList<>();
    collect(schema, "", rows, new HashSet<>(), 0);
    if (rows.isEmpty()) {
      return;
    }
    html.raw("<table class=\"schema\"><thead><tr><th>Field</th><th>Type</th><th>Required</th>"
        + "<th>Details</th></tr></thead><tbody>");
    for (String[] row : rows) {
      html.raw("<tr>").element("td", "field", row[0]).element("td", "type", row[1])
          .element("td", null, row[2]).element("td", null, row[3]).raw("</tr>");
    }
    html.raw("</tbody></table>");
  }

  private void collect(JsonNode schema, String prefix, List<String[]> rows, Set<String> seen, int depth) {
    String ref = Refs.ref(schema);
    if (depth > MAX_DEPTH || (ref != null && !seen.add(ref))) {
      return;
    }
    JsonNode resolved = refs.resolve(schema);
    JsonNode properties = resolved.path("properties");
    Set<String> required = new HashSet<>();
    resolved.path("required").forEach(name -> required.add(name.asText()));
    Iterator<Map.Entry<String, JsonNode>> fields = properties.fields();
    while (fields.hasNext()) {
      Map.Entry<String, JsonNode> field = fields.next();
      String path = prefix + field.getKey();
      JsonNode property = refs.resolve(field.getValue());
      rows.add(new String[] {path, type(field.getValue()), required.contains(field.getKey()) ? "yes" : "no",
          details(property)});
      collect(field.getValue(), path + ".", rows, seen, depth + 1);
    }
    for (String combiner : new String[] {"oneOf", "anyOf", "allOf"}) {
      int option = 0;
      for (JsonNode variant : resolved.path(combiner)) {
        if (!combiner.equals("allOf")) {
          String at = prefix.isEmpty() ? "(message)" : prefix.substring(0, prefix.length() - 1);
          rows.add(new String[] {at + " option " + ++option, type(variant), "", details(refs.resolve(variant))});
        }
        collect(variant, prefix, rows, seen, depth + 1);
      }
    }
    JsonNode items = resolved.get("items");
    if (items != null && items.isObject()) {
      String base = prefix.endsWith(".") ? prefix.substring(0, prefix.length() - 1) : prefix;
      collect(items, base + "[].", rows, seen, depth + 1);
    }
    if (ref != null) {
      seen.remove(ref);
    }
  }

  /** A short type label: the referenced name, the JSON type, or the alternatives. */
  String type(JsonNode schema) {
    if (Refs.ref(schema) == null) {
      return typeOf(schema);
    }
    // A referenced schema is named, never expanded here: references may be cyclic.
    String base = jsonType(refs.resolve(schema));
    return refs.name(schema, base) + " (" + base + ")";
  }

  private String typeOf(JsonNode schema) {
    if (schema.has("const")) {
      return "const " + schema.get("const");
    }
    for (String combiner : new String[] {"oneOf", "anyOf", "allOf"}) {
      if (schema.path(combiner).isArray()) {
        List<String> labels = new ArrayList<>();
        schema.get(combiner).forEach(variant -> labels.add(type(variant)));
        return String.join(combiner.equals("allOf") ? " & " : " | ", labels);
      }
    }
    String label = jsonType(schema);
    JsonNode items = schema.get("items");
    return items != null && "array".equals(label) ? "array of " + type(items) : label;
  }

  private static String jsonType(JsonNode schema) {
    JsonNode type = schema.get("type");
    if (type == null) {
      return schema.has("properties") ? "object" : "any";
    }
    return type.isArray() ? join(type) : type.asText();
  }

  private static String details(JsonNode schema) {
    List<String> notes = new ArrayList<>();
    if (schema.hasNonNull("description")) {
      notes.add(schema.get("description").asText());
    }
    if (schema.has("enum")) {
      notes.add("one of " + join(schema.get("enum")));
    }
    for (String key : NOTES) {
      if (schema.has(key)) {
        notes.add(key + ": " + schema.get(key));
      }
    }
    if (schema.path("additionalProperties").isBoolean() && !schema.get("additionalProperties").asBoolean()) {
      notes.add("no other fields");
    }
    return String.join("; ", notes);
  }

  private static String join(JsonNode array) {
    List<String> parts = new ArrayList<>();
    array.forEach(value -> parts.add(value.isTextual() ? value.asText() : value.toString()));
    return String.join(", ", parts);
  }
}
