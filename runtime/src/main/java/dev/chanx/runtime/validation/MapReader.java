package dev.chanx.runtime.validation;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.Collections;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Reads a JSON object whose keys are data ({@code additionalProperties} with a schema) into an
 * unmodifiable map that keeps the object's order.
 *
 * @param <T> the value type
 */
final class MapReader<T> implements ValueReader<Map<String, T>> {

  private final ValueReader<T> value;

  MapReader(ValueReader<T> value) {
    this.value = value;
  }

  @Override
  public Map<String, T> read(JsonNode json, Loc at, Problems problems) {
    if (!json.isObject()) {
      problems.add(at, "dict_type", "Input should be a valid dictionary");
      return null;
    }
    int errors = problems.count();
    Map<String, T> map = new LinkedHashMap<>();
    for (Iterator<Map.Entry<String, JsonNode>> fields = json.fields(); fields.hasNext(); ) {
      Map.Entry<String, JsonNode> field = fields.next();
      map.put(field.getKey(), value.read(field.getValue(), at.key(field.getKey()), problems));
    }
    return problems.count() == errors ? Collections.unmodifiableMap(map) : null;
  }
}
