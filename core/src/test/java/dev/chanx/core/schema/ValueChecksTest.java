package dev.chanx.core.schema;

import static dev.chanx.core.schema.Validation.error;
import static dev.chanx.core.schema.Validation.errors;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import org.junit.jupiter.api.Test;

class ValueChecksTest {

  @Test
  void oneTypeTakesPydanticsCode() {
    assertEquals(List.of(error("string_type", "Input should be a valid string", "m")),
        errors(JsonSchema.builder().type("string").build(), "1"));
    assertEquals(List.of(error("dict_type", "Input should be a valid dictionary", "m")),
        errors(JsonSchema.builder().type("object").build(), "[]"));
    assertEquals(List.of(error("none_required", "Input should be None", "m")),
        errors(JsonSchema.builder().type("null").build(), "false"));
    assertEquals(List.of(error("bool_type", "Input should be a valid boolean", "m")),
        errors(JsonSchema.builder().type("boolean").build(), "0"));
  }

  @Test
  void integersAreNumbersWithoutFractionExactly() {
    JsonSchema integer = JsonSchema.builder().type("integer").build();
    assertEquals(List.of(), errors(integer, "1.0"));
    assertEquals(List.of(), errors(integer, "123456789012345678901234567890"));
    assertEquals(List.of(error("int_from_float",
        "Input should be a valid integer, got a number with a fractional part", "m")), errors(integer, "1.5"));
    assertEquals(List.of(error("int_type", "Input should be a valid integer", "m")), errors(integer, "\"1\""));
  }

  @Test
  void severalTypesAreOneProblem() {
    assertEquals(List.of(error("type", "Input should be a valid string or None", "m")),
        errors(JsonSchema.builder().type("string", "null").build(), "1"));
  }

  @Test
  void enumComparesJsonValuesAndShowsThemAsPython() {
    JsonSchema colours = JsonSchema.builder().enumValues("[\"red\", 1, null, {\"a\": true}]").build();
    assertEquals(List.of(), errors(colours, "1.0"));
    assertEquals(List.of(), errors(colours, "{\"a\": true}"));
    assertEquals(List.of(error("enum", "Input should be 'red', 1, None or {'a': True}", "m")),
        errors(colours, "true"));
  }

  @Test
  void constIsALiteralWithoutCoercion() {
    JsonSchema zero = JsonSchema.builder().constant("0").build();
    assertEquals(List.of(), errors(zero, "0.0"));
    assertEquals(List.of(error("literal_error", "Input should be 0", "m")), errors(zero, "false"));
  }
}
