package dev.chanx.core.codec;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
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
public final class MapReader<T> implements ValueReader<Map<String, T>>, StreamReader<Map<String, T>> {

  private final ValueReader<T> value;
  private final StreamReader<T> streamValue;

  MapReader(ValueReader<T> value, StreamReader<T> streamValue) {
    this.value = value;
    this.streamValue = streamValue;
  }

  /**
   * Reads the values straight from a parser with {@code value}; without it, a map read from a
   * parser is read as a tree.
   *
   * @param value reads a value from a parser as the value reader does from a tree
   * @return a reader like this one that reads values from a parser with {@code value}
   */
  public MapReader<T> streaming(StreamReader<T> value) {
    return new MapReader<>(this.value, value);
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

  @Override
  public Map<String, T> read(JsonParser json) throws IOException {
    if (streamValue == null) {
      return Tokens.tree(json, this);
    }
    if (json.currentToken() != JsonToken.START_OBJECT) {
      throw StreamMiss.INSTANCE;
    }
    Map<String, T> map = new LinkedHashMap<>();
    for (String key = json.nextFieldName(); key != null; key = json.nextFieldName()) {
      json.nextToken();
      Tokens.putFirst(map, key, streamValue.read(json));
    }
    return Collections.unmodifiableMap(map);
  }
}
