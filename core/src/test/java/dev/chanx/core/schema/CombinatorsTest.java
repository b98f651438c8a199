package dev.chanx.core.schema;

import static dev.chanx.core.schema.Validation.error;
import static dev.chanx.core.schema.Validation.errors;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import org.junit.jupiter.api.Test;

class CombinatorsTest {

  private static final JsonSchema STRING = JsonSchema.builder().type("string").build();
  private static final JsonSchema SHORT = JsonSchema.builder().maxLength(2).build();

  @Test
  void allOfReportsTheProblemsOfEachSchema() {
    assertEquals(List.of(error("string_type", "Input should be a valid string", "m")),
        errors(JsonSchema.builder().allOf(STRING, SHORT).build(), "1"));
  }

  @Test
  void anyOfOneOfAndNotReportOneProblem() {
    assertEquals(List.of(error("any_of", "Input should match at least one of the anyOf schemas", "m")),
        errors(JsonSchema.builder().anyOf(STRING, JsonSchema.nothing()).build(), "1"));
    JsonSchema one = JsonSchema.builder().oneOf(STRING, SHORT).build();
    assertEquals(List.of(), errors(one, "\"long\""));
    assertEquals(List.of(error("one_of_many",
        "Input should match exactly one of the oneOf schemas, but matches 2", "m")), errors(one, "\"ab\""));
    assertEquals(List.of(error("one_of_none",
        "Input should match exactly one of the oneOf schemas, but matches none", "m")),
        errors(JsonSchema.builder().oneOf(STRING).build(), "1"));
    assertEquals(List.of(error("not_allowed", "Input should not match the schema of not", "m")),
        errors(JsonSchema.builder().not(STRING).build(), "\"a\""));
  }

  @Test
  void conditionAppliesThenOrElse() {
    JsonSchema condition = JsonSchema.builder().condition(STRING, SHORT, JsonSchema.nothing()).build();
    assertEquals(List.of(error("string_too_long", "String should have at most 2 characters", "m")),
        errors(condition, "\"abc\""));
    assertEquals(List.of(error("false_schema", "No value is allowed here", "m")), errors(condition, "1"));
    assertEquals(List.of(), errors(JsonSchema.builder().condition(STRING, null, null).build(), "1"));
  }

  @Test
  void booleanSchemas() {
    assertEquals(List.of(), errors(JsonSchema.anything(), "{}"));
    assertEquals(List.of(error("false_schema", "No value is allowed here", "m")), errors(JsonSchema.nothing(), "{}"));
  }
}
