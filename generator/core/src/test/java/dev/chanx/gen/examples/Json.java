package dev.chanx.gen.examples;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.chanx.core.message.JsonWritable;
import java.io.IOException;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.util.Comparator;

/** Writing a generated value with its own writer, and comparing JSON as values. */
final class Json {

  private static final ObjectMapper MAPPER = new ObjectMapper();

  /** Equal numbers are equal whatever their written form: {@code 54350.40}, {@code 54350.4}. */
  private static final Comparator<JsonNode> BY_VALUE = (a, b) -> {
    if (a.isNumber() && b.isNumber()) {
      return a.decimalValue().compareTo(b.decimalValue());
    }
    return a.equals(b) ? 0 : 1;
  };

  private Json() {}

  /** What a generated value writes with {@code writeJson}, through a plain generator without a codec. */
  static JsonNode written(Object value) {
    StringWriter out = new StringWriter();
    try (JsonGenerator generator = new JsonFactory().createGenerator(out)) {
      ((JsonWritable) value).writeJson(generator);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    try {
      return MAPPER.readTree(out.toString());
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** Whether two trees hold the same JSON: same keys (in any order), same items, same values. */
  static boolean same(JsonNode a, JsonNode b) {
    return a.equals(BY_VALUE, b);
  }
}
