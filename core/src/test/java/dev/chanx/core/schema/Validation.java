package dev.chanx.core.schema;

import static org.junit.jupiter.api.Assertions.assertEquals;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.chanx.core.message.ValidationError;
import dev.chanx.core.codec.Loc;
import dev.chanx.core.codec.Problems;
import java.util.Arrays;
import java.util.List;

/** Helpers of the schema tests: the problems a schema records for a JSON text. */
final class Validation {

  private static final ObjectMapper MAPPER = new ObjectMapper();

  private Validation() {}

  static JsonNode json(String text) {
    try {
      return MAPPER.readTree(text);
    } catch (JsonProcessingException e) {
      throw new IllegalArgumentException(e);
    }
  }

  /** {@return the problems recorded at {@code ["m"]}}, after checking validate and accepts agree. */
  static List<ValidationError> errors(JsonSchema schema, String json) {
    Problems problems = new Problems();
    boolean valid = schema.validate(json(json), Loc.of("m"), problems);
    assertEquals(schema.accepts(json(json)), valid, "accepts and validate disagree on " + json);
    assertEquals(valid, problems.isEmpty(), "validate's answer and its problems disagree on " + json);
    return problems.errors();
  }

  static ValidationError error(String type, String msg, Object... loc) {
    return new ValidationError(type, Arrays.asList(loc), msg);
  }
}
