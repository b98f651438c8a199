package dev.chanx.core.schema;

import static dev.chanx.core.schema.Validation.error;
import static dev.chanx.core.schema.Validation.errors;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import org.junit.jupiter.api.Test;

class StringAndNumberChecksTest {

  @Test
  void lengthsCountCodePointsAndIgnoreOtherTypes() {
    JsonSchema two = JsonSchema.builder().minLength(2).maxLength(2).build();
    assertEquals(List.of(), errors(two, "\"\uD83D\uDE00\uD83D\uDE00\""));
    assertEquals(List.of(), errors(two, "5"));
    assertEquals(List.of(error("string_too_short", "String should have at least 2 characters", "m")),
        errors(two, "\"\uD83D\uDE00\""));
    assertEquals(List.of(error("string_too_long", "String should have at most 2 characters", "m")),
        errors(two, "\"abc\""));
  }

  @Test
  void patternIsSearchedWithEcmaSemantics() {
    JsonSchema end = JsonSchema.builder().pattern("^a$").build();
    assertEquals(List.of(), errors(end, "\"a\""));
    assertEquals(List.of(error("string_pattern_mismatch", "String should match pattern '^a$'", "m")),
        errors(end, "\"a\\n\""));
    assertEquals(List.of(), errors(JsonSchema.builder().pattern("b").build(), "\"abc\""));
  }

  @Test
  void formatsAreAssertedOnStringsOnly() {
    JsonSchema date = JsonSchema.builder().format("date").build();
    assertEquals(List.of(), errors(date, "\"2024-02-29\""));
    assertEquals(List.of(), errors(date, "12"));
    assertEquals(List.of(error("format", "String should be a valid date", "m")), errors(date, "\"2023-02-29\""));
    assertEquals(List.of(), errors(JsonSchema.builder().format("no-such-format").build(), "\"x\""));
  }

  @Test
  void boundsTakePydanticsCodes() {
    JsonSchema range = JsonSchema.builder().minimum("1").exclusiveMaximum("2.5").build();
    assertEquals(List.of(), errors(range, "2.4"));
    assertEquals(List.of(), errors(range, "\"text\""));
    assertEquals(List.of(error("greater_than_equal", "Input should be greater than or equal to 1", "m")),
        errors(range, "0.5"));
    assertEquals(List.of(error("less_than", "Input should be less than 2.5", "m")), errors(range, "2.5"));
    assertEquals(List.of(error("greater_than", "Input should be greater than 0", "m")),
        errors(JsonSchema.builder().exclusiveMinimum("0").build(), "0"));
    assertEquals(List.of(error("less_than_equal", "Input should be less than or equal to 3", "m")),
        errors(JsonSchema.builder().maximum("3").build(), "30000000000000000000000"));
  }

  @Test
  void multipleOfIsExactEvenForHugeNumbers() {
    JsonSchema cents = JsonSchema.builder().multipleOf("0.01").build();
    assertEquals(List.of(), errors(cents, "19.99"));
    assertEquals(List.of(error("multiple_of", "Input should be a multiple of 0.01", "m")), errors(cents, "0.075"));
    JsonSchema odd = JsonSchema.builder().multipleOf("0.123456789").build();
    assertEquals(List.of(error("multiple_of", "Input should be a multiple of 0.123456789", "m")),
        errors(odd, "1e308"));
    assertEquals(List.of(), errors(JsonSchema.builder().multipleOf("7").build(), "7" + "0".repeat(400)));
    assertEquals(List.of(), errors(JsonSchema.builder().multipleOf("1e-400").build(), "0.5"));
    assertEquals(List.of(error("multiple_of", "Input should be a multiple of 3E-400", "m")),
        errors(JsonSchema.builder().multipleOf("3e-400").build(), "1"));
  }
}
