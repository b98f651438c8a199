package dev.chanx.core.schema;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.TextNode;
import dev.chanx.core.codec.Loc;
import dev.chanx.core.codec.Problems;
import dev.chanx.core.codec.Texts;
import java.util.Iterator;
import java.util.List;

/**
 * {@code required}, {@code propertyNames}, {@code minProperties}, {@code maxProperties} and
 * {@code dependencies}; {@link Properties} holds the keywords on the values of properties. They
 * ignore non-objects.
 */
final class ObjectChecks {

  private ObjectChecks() {}

  static void add(JsonSchema.Builder keywords, List<Check> checks) {
    Properties.add(keywords, checks);
    if (!keywords.required.isEmpty()) {
      checks.add(new Required(keywords.required.toArray(new String[0]), null));
    }
    if (keywords.propertyNames != null) {
      checks.add(new PropertyNames(keywords.propertyNames));
    }
    if (keywords.minProperties != null || keywords.maxProperties != null) {
      checks.add(new Size(keywords.minProperties, keywords.maxProperties));
    }
    keywords.dependentRequired.forEach((property, names) ->
        checks.add(new Required(names.toArray(new String[0]), property)));
    keywords.dependentSchemas.forEach((property, schemas) -> schemas.forEach(schema ->
        checks.add(new DependentSchema(property, schema))));
  }

  /** {@code required}, or the array form of {@code dependencies} when {@code when} is set. */
  private record Required(String[] names, String when) implements Check {

    @Override
    public boolean accepts(JsonNode value) {
      if (!value.isObject() || (when != null && !value.has(when))) {
        return true;
      }
      for (String name : names) {
        if (!value.has(name)) {
          return false;
        }
      }
      return true;
    }

    @Override
    public void collect(JsonNode value, Loc at, Problems problems) {
      for (String name : names) {
        if (!value.has(name)) {
          if (when == null) {
            problems.add(at.key(name), "missing", "Field required");
          } else {
            problems.add(at.key(name), "dependency_missing", "Field required when " + Texts.repr(when) + " is present");
          }
        }
      }
    }
  }

  /** The schema form of {@code dependencies}: the whole object must satisfy it. */
  private record DependentSchema(String when, JsonSchema schema) implements Check {

    @Override
    public boolean accepts(JsonNode value) {
      return !value.isObject() || !value.has(when) || schema.accepts(value);
    }

    @Override
    public void collect(JsonNode value, Loc at, Problems problems) {
      schema.collect(value, at, problems);
    }
  }

  /** {@code propertyNames}: each name, as a JSON string, must satisfy the schema. */
  private record PropertyNames(JsonSchema schema) implements Check {

    @Override
    public boolean accepts(JsonNode value) {
      if (!value.isObject()) {
        return true;
      }
      for (Iterator<String> names = value.fieldNames(); names.hasNext(); ) {
        if (!schema.accepts(TextNode.valueOf(names.next()))) {
          return false;
        }
      }
      return true;
    }

    @Override
    public void collect(JsonNode value, Loc at, Problems problems) {
      for (Iterator<String> names = value.fieldNames(); names.hasNext(); ) {
        String name = names.next();
        if (!schema.accepts(TextNode.valueOf(name))) {
          problems.add(at.key(name), "property_name", "Property name " + Texts.repr(name) + " is not allowed");
        }
      }
    }
  }

  private record Size(Long min, Long max) implements Check {

    @Override
    public boolean accepts(JsonNode value) {
      return !value.isObject() || ((min == null || value.size() >= min) && (max == null || value.size() <= max));
    }

    @Override
    public void collect(JsonNode value, Loc at, Problems problems) {
      if (min != null && value.size() < min) {
        problems.add(at, "too_few_properties", "Object should have at least " + properties(min) + ", not " + value.size());
      } else {
        problems.add(at, "too_many_properties", "Object should have at most " + properties(max) + ", not " + value.size());
      }
    }
  }

  private static String properties(long n) {
    return n + (n == 1 ? " property" : " properties");
  }
}
