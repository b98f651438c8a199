package dev.chanx.core.schema;

import com.fasterxml.jackson.databind.JsonNode;
import dev.chanx.core.codec.Loc;
import dev.chanx.core.codec.Problems;
import java.util.HashMap;
import java.util.Iterator;
import java.util.List;
import java.util.Map;

/**
 * {@code properties}, {@code patternProperties} and {@code additionalProperties} together, since
 * what is additional depends on the other two: a property neither named nor matched by a pattern.
 * Without patterns or additional properties, only the named properties are looked up, so that a
 * valid object costs no iterator.
 */
final class Properties implements Check {

  private final Map<String, JsonSchema> named;
  private final String[] names;
  private final JsonSchema[] namedSchemas;
  private final EcmaFinder[] patterns;
  private final JsonSchema[] patternSchemas;
  private final JsonSchema additional;

  private Properties(JsonSchema.Builder keywords) {
    named = new HashMap<>(keywords.properties);
    names = keywords.properties.keySet().toArray(new String[0]);
    namedSchemas = keywords.properties.values().toArray(new JsonSchema[0]);
    patterns = new EcmaFinder[keywords.patternProperties.size()];
    patternSchemas = keywords.patternProperties.values().toArray(new JsonSchema[0]);
    int i = 0;
    for (String ecma : keywords.patternProperties.keySet()) {
      patterns[i++] = EcmaFinder.compile(ecma);
    }
    additional = keywords.additionalProperties;
  }

  static void add(JsonSchema.Builder keywords, List<Check> checks) {
    if (!keywords.properties.isEmpty() || !keywords.patternProperties.isEmpty()
        || keywords.additionalProperties != null) {
      checks.add(new Properties(keywords));
    }
  }

  @Override
  public boolean accepts(JsonNode value) {
    if (!value.isObject()) {
      return true;
    }
    if (patterns.length == 0 && additional == null) {
      for (int i = 0; i < names.length; i++) {
        JsonNode property = value.get(names[i]);
        if (property != null && !namedSchemas[i].accepts(property)) {
          return false;
        }
      }
      return true;
    }
    for (Iterator<Map.Entry<String, JsonNode>> it = value.fields(); it.hasNext(); ) {
      Map.Entry<String, JsonNode> field = it.next();
      if (!accepts(field.getKey(), field.getValue(), null, null)) {
        return false;
      }
    }
    return true;
  }

  @Override
  public void collect(JsonNode value, Loc at, Problems problems) {
    for (Iterator<Map.Entry<String, JsonNode>> it = value.fields(); it.hasNext(); ) {
      Map.Entry<String, JsonNode> field = it.next();
      if (!accepts(field.getKey(), field.getValue(), null, null)) {
        accepts(field.getKey(), field.getValue(), at.key(field.getKey()), problems);
      }
    }
  }

  /**
   * Whether one property satisfies every schema that applies to it; with {@code problems}, also
   * records what each schema it fails reports.
   */
  private boolean accepts(String name, JsonNode property, Loc at, Problems problems) {
    boolean valid = true;
    boolean matched = false;
    JsonSchema schema = named.get(name);
    if (schema != null) {
      matched = true;
      valid = check(schema, property, at, problems);
    }
    for (int i = 0; i < patterns.length && (valid || problems != null); i++) {
      if (patterns[i].find(name)) {
        matched = true;
        valid &= check(patternSchemas[i], property, at, problems);
      }
    }
    if (!matched && additional != null && (valid || problems != null)) {
      if (problems != null && additional.isNothing()) {
        problems.add(at, "extra_forbidden", "Extra inputs are not permitted");
        return false;
      }
      valid &= check(additional, property, at, problems);
    }
    return valid;
  }

  private static boolean check(JsonSchema schema, JsonNode property, Loc at, Problems problems) {
    if (schema.accepts(property)) {
      return true;
    }
    if (problems != null) {
      schema.collect(property, at, problems);
    }
    return false;
  }
}
