package dev.chanx.core.codec;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.json.JsonMapper;
import java.io.IOException;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * What generated stream readers call to read a plainly valid frame straight from the parser:
 * objects, known keys and plain values. Each plain value is read here in its usual form (a
 * string token for a string, an int token for an int) and otherwise through the {@link Read}
 * reader of the same name on a one-value tree, so that both paths accept exactly the same values.
 * Anything else throws {@link StreamMiss}.
 */
public final class Tokens {

  // Builds subtrees as the frame pipeline's tree reader builds whole frames; a key twice in one
  // object is refused, as the pipeline's parser refuses it.
  private static final ObjectMapper TREES =
      JsonMapper.builder().enable(DeserializationFeature.FAIL_ON_READING_DUP_TREE_KEY).build();

  private Tokens() {}

  /**
   * {@return the signal that the frame takes the tree path, to throw}
   */
  public static StreamMiss miss() {
    return StreamMiss.INSTANCE;
  }

  // Objects and keys.

  /**
   * Checks that the current token starts an object.
   *
   * @param json the parser
   * @throws StreamMiss when it does not
   */
  public static void object(JsonParser json) {
    if (json.currentToken() != JsonToken.START_OBJECT) {
      throw StreamMiss.INSTANCE;
    }
  }

  /**
   * Marks a key as read, refusing it the second time.
   *
   * @param seen the bits of the keys read so far
   * @param bit the key's bit
   * @return {@code seen} with the key's bit set
   * @throws StreamMiss when the key was read before
   */
  public static long first(long seen, long bit) {
    if ((seen & bit) != 0) {
      throw StreamMiss.INSTANCE;
    }
    return seen | bit;
  }

  /**
   * Checks that every required key was read.
   *
   * @param seen the bits of the keys read
   * @param required the bits of the required keys
   * @throws StreamMiss when one is missing
   */
  public static void required(long seen, long required) {
    if ((seen & required) != required) {
      throw StreamMiss.INSTANCE;
    }
  }

  /**
   * Reads the value of a constant field, which must be the expected string.
   *
   * @param json the parser, on the field's key
   * @param expected the only value the field may have
   * @throws IOException when the parser fails
   * @throws StreamMiss for any other value
   */
  public static void constant(JsonParser json, String expected) throws IOException {
    if (json.nextToken() != JsonToken.VALUE_STRING || !expected.equals(json.getText())) {
      throw StreamMiss.INSTANCE;
    }
  }

  /**
   * Takes a key the schema does not declare: only a frame's reserved keys, never a nested one.
   *
   * @param json the parser, on the key
   * @param key the key
   * @param frame the frame being read, or null inside a nested value
   * @throws IOException when the parser fails
   * @throws StreamMiss for a key the frame does not take
   */
  public static void other(JsonParser json, String key, StreamFrame frame) throws IOException {
    if (frame == null) {
      throw StreamMiss.INSTANCE;
    }
    frame.other(json, key);
  }

  // Plain values, used as method references and called directly.

  /**
   * A string.
   *
   * @param json the parser, on the value
   * @return the value
   * @throws IOException when the parser fails
   */
  public static String string(JsonParser json) throws IOException {
    if (json.currentToken() != JsonToken.VALUE_STRING) {
      throw StreamMiss.INSTANCE;
    }
    return json.getText();
  }

  /**
   * A 32-bit integer.
   *
   * @param json the parser, on the value
   * @return the value
   * @throws IOException when the parser fails
   */
  public static Integer int32(JsonParser json) throws IOException {
    if (json.currentToken() == JsonToken.VALUE_NUMBER_INT && json.getNumberType() == JsonParser.NumberType.INT) {
      return json.getIntValue();
    }
    return tree(json, Read::int32);
  }

  /**
   * A 64-bit integer.
   *
   * @param json the parser, on the value
   * @return the value
   * @throws IOException when the parser fails
   */
  public static Long int64(JsonParser json) throws IOException {
    if (json.currentToken() == JsonToken.VALUE_NUMBER_INT) {
      JsonParser.NumberType type = json.getNumberType();
      if (type == JsonParser.NumberType.INT || type == JsonParser.NumberType.LONG) {
        return json.getLongValue();
      }
    }
    return tree(json, Read::int64);
  }

  /**
   * A finite double.
   *
   * @param json the parser, on the value
   * @return the value
   * @throws IOException when the parser fails
   */
  public static Double float64(JsonParser json) throws IOException {
    JsonToken token = json.currentToken();
    if (token == JsonToken.VALUE_NUMBER_FLOAT) {
      double value = json.getDoubleValue();
      // Zero goes the tree's way, which reads -0.0 as 0.0.
      if (Double.isFinite(value) && value != 0) {
        return value;
      }
    } else if (token == JsonToken.VALUE_NUMBER_INT && json.getNumberType() == JsonParser.NumberType.INT) {
      return (double) json.getIntValue();
    }
    return tree(json, Read::float64);
  }

  /**
   * An exact decimal.
   *
   * @param json the parser, on the value
   * @return the value
   * @throws IOException when the parser fails
   */
  public static BigDecimal decimal(JsonParser json) throws IOException {
    return tree(json, Read::decimal);
  }

  /**
   * A boolean.
   *
   * @param json the parser, on the value
   * @return the value
   * @throws IOException when the parser fails
   */
  public static Boolean bool(JsonParser json) throws IOException {
    JsonToken token = json.currentToken();
    if (token == JsonToken.VALUE_TRUE) {
      return Boolean.TRUE;
    }
    if (token == JsonToken.VALUE_FALSE) {
      return Boolean.FALSE;
    }
    throw StreamMiss.INSTANCE;
  }

  /**
   * A UUID.
   *
   * @param json the parser, on the value
   * @return the value
   * @throws IOException when the parser fails
   */
  public static UUID uuid(JsonParser json) throws IOException {
    return tree(json, Read::uuid);
  }

  /**
   * A date-time with an offset.
   *
   * @param json the parser, on the value
   * @return the value
   * @throws IOException when the parser fails
   */
  public static OffsetDateTime dateTime(JsonParser json) throws IOException {
    return tree(json, Read::dateTime);
  }

  /**
   * A date.
   *
   * @param json the parser, on the value
   * @return the value
   * @throws IOException when the parser fails
   */
  public static LocalDate date(JsonParser json) throws IOException {
    return tree(json, Read::date);
  }

  /**
   * Any JSON value, as a tree.
   *
   * @param json the parser, on the value
   * @return the value
   * @throws IOException when the parser fails
   */
  public static JsonNode any(JsonParser json) throws IOException {
    return tree(json);
  }

  /**
   * JSON null, the only value of a field whose schema is {@code type: 'null'}.
   *
   * @param json the parser, on the value
   * @return null
   * @throws IOException when the parser fails
   */
  public static Void none(JsonParser json) throws IOException {
    if (json.currentToken() != JsonToken.VALUE_NULL) {
      throw StreamMiss.INSTANCE;
    }
    return null;
  }

  // Composites and the way back to the tree readers.

  /**
   * {@return a reader that also takes JSON null, as null}
   *
   * @param <T> the type read
   * @param reader reads the value when it is not null
   */
  public static <T> StreamReader<T> orNull(StreamReader<T> reader) {
    return json -> json.currentToken() == JsonToken.VALUE_NULL ? null : reader.read(json);
  }

  /**
   * Reads the value as a tree and hands it to a tree reader: for what the stream readers do not
   * read themselves (unions, exact numbers), with the same result.
   *
   * @param <T> the type read
   * @param json the parser, on the value
   * @param reader the tree reader
   * @return the value read
   * @throws IOException when the parser fails
   * @throws StreamMiss when the tree reader finds a problem
   */
  public static <T> T tree(JsonParser json, ValueReader<T> reader) throws IOException {
    Problems problems = new Problems();
    T value = reader.read(tree(json), Loc.root(), problems);
    if (!problems.isEmpty()) {
      throw StreamMiss.INSTANCE;
    }
    return value;
  }

  static JsonNode tree(JsonParser json) throws IOException {
    return TREES.readTree(json);
  }

  static <T> List<T> checked(List<T> list, Integer minItems, Integer maxItems) {
    if ((minItems != null && list.size() < minItems) || (maxItems != null && list.size() > maxItems)) {
      throw StreamMiss.INSTANCE;
    }
    return list;
  }

  static <T> Map<String, T> putFirst(Map<String, T> map, String key, T value) {
    if (map.containsKey(key)) {
      throw StreamMiss.INSTANCE;
    }
    map.put(key, value);
    return map;
  }
}
