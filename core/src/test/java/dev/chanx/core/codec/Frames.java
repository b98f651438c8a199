package dev.chanx.core.codec;

import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.chanx.core.message.ValidationError;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.List;

/** Parses JSON for the tests, as doubles by default or exactly as BigDecimals. */
final class Frames {

  static final ObjectMapper DOUBLES = new ObjectMapper();
  static final ObjectMapper DECIMALS =
      new ObjectMapper().enable(DeserializationFeature.USE_BIG_DECIMAL_FOR_FLOATS);

  private Frames() {}

  static JsonNode json(String text) {
    try {
      return DOUBLES.readTree(text);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  static JsonNode exact(String text) {
    try {
      return DECIMALS.readTree(text);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** The errors a reader records for a value at {@code [m]}. */
  static <T> List<ValidationError> errors(ValueReader<T> reader, JsonNode value) {
    Problems problems = new Problems();
    reader.read(value, Loc.of("m"), problems);
    return problems.errors();
  }

  static ValidationError error(String type, String msg, Object... loc) {
    return new ValidationError(type, List.of(loc), msg);
  }
}
