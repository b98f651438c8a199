package dev.chanx.core.codec;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import dev.chanx.core.schema.JsonSchema;

/**
 * Checks converted path parameters against their whole schema for generated routes, failing with
 * an {@link IllegalArgumentException} that names the parameter, as {@link PathParameters} does:
 * the server answers both with 404, as for an address that does not exist.
 */
public final class PathChecks {

  private PathChecks() {}

  /**
   * Checks a string parameter, or an enum one by its wire value.
   *
   * @param schema the parameter's schema
   * @param name the parameter's name
   * @param value the parameter's value
   */
  public static void check(JsonSchema schema, String name, String value) {
    check(schema, name, JsonNodeFactory.instance.textNode(value));
  }

  /**
   * Checks an integer parameter.
   *
   * @param schema the parameter's schema
   * @param name the parameter's name
   * @param value the parameter's value
   */
  public static void check(JsonSchema schema, String name, long value) {
    check(schema, name, JsonNodeFactory.instance.numberNode(value));
  }

  /**
   * Checks a parameter kept as text in Java whose schema declares another JSON type, such as a
   * {@code number} or a {@code boolean}: the text is read as that type first.
   *
   * @param schema the parameter's schema
   * @param name the parameter's name
   * @param value the parameter's text
   * @param type the JSON type the schema declares, such as {@code number}
   */
  public static void check(JsonSchema schema, String name, String value, String type) {
    check(schema, name, ParameterText.read(value, type));
  }

  private static void check(JsonSchema schema, String name, JsonNode value) {
    if (schema.accepts(value)) {
      return;
    }
    Problems problems = new Problems();
    schema.validate(value, Loc.of(name), problems);
    throw new IllegalArgumentException(
        "path parameter '" + name + "' breaks its schema: " + ParameterText.describe(problems));
  }
}
