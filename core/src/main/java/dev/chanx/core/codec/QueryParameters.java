package dev.chanx.core.codec;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.chanx.core.schema.JsonSchema;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The query parameters a channel's WebSocket binding declares, checked for generated routes: the
 * query string becomes a JSON object, each parameter's text read as the JSON type its property
 * declares, and the binding's {@code query} schema checks that object.
 *
 * <p>A parameter given once is one value and one given more than once is an array of them, unless
 * it is declared as an array ({@link #values}), when it is always an array. A parameter that is not
 * declared is a string, and the schema says whether it may be there at all.
 */
public final class QueryParameters {

  private final JsonSchema schema;
  private final Map<String, String> types;
  private final Set<String> arrays;

  private QueryParameters(JsonSchema schema, Map<String, String> types, Set<String> arrays) {
    this.schema = schema;
    this.types = types;
    this.arrays = arrays;
  }

  /**
   * {@return the query parameters checked by {@code schema}}, each a string until declared otherwise.
   *
   * @param schema the binding's {@code query} schema
   */
  public static QueryParameters of(JsonSchema schema) {
    return new QueryParameters(schema, Map.of(), Set.of());
  }

  /**
   * {@return these query parameters, with {@code name} read as one value of {@code type}}.
   *
   * @param name the parameter's name
   * @param type the JSON type its property declares, such as {@code integer}
   */
  public QueryParameters value(String name, String type) {
    Map<String, String> more = new HashMap<>(types);
    more.put(name, type);
    return new QueryParameters(schema, Map.copyOf(more), arrays);
  }

  /**
   * {@return these query parameters, with {@code name} read as an array of {@code type}}, one
   * element per time it is given.
   *
   * @param name the parameter's name
   * @param type the JSON type of its items, such as {@code string}
   */
  public QueryParameters values(String name, String type) {
    Set<String> more = new HashSet<>(arrays);
    more.add(name);
    return new QueryParameters(schema, value(name, type).types, Set.copyOf(more));
  }

  /**
   * Checks the query parameters of an upgrade request.
   *
   * @param query every query parameter with all its values, URL-decoded
   * @throws IllegalArgumentException naming what the query breaks
   */
  public void check(Map<String, List<String>> query) {
    ObjectNode object = JsonNodeFactory.instance.objectNode();
    query.forEach((name, values) -> {
      String type = types.getOrDefault(name, "string");
      if (values.size() == 1 && !arrays.contains(name)) {
        object.set(name, ParameterText.read(values.get(0), type));
        return;
      }
      ArrayNode array = object.putArray(name);
      values.forEach(v -> array.add(ParameterText.read(v, type)));
    });
    if (schema.accepts(object)) {
      return;
    }
    Problems problems = new Problems();
    schema.validate(object, Loc.root(), problems);
    throw new IllegalArgumentException("the query breaks its schema: " + ParameterText.describe(problems));
  }
}
