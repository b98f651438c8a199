package dev.chanx.core.schema;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.json.JsonMapper;
import java.math.BigDecimal;
import java.util.Iterator;
import java.util.Map;

/**
 * JSON equality as JSON Schema defines it for {@code enum}, {@code const} and
 * {@code uniqueItems}: numbers by value ({@code 1 == 1.0}), objects unordered, arrays ordered, and
 * no coercion between types ({@code false != 0}).
 */
final class Json {

  private static final ObjectMapper MAPPER =
      JsonMapper.builder().enable(DeserializationFeature.USE_BIG_DECIMAL_FOR_FLOATS).build();

  private Json() {}

  /** {@return the JSON text parsed, numbers exactly}; an {@link IllegalArgumentException} if it is not JSON. */
  static JsonNode parse(String text) {
    try {
      return MAPPER.readTree(text);
    } catch (JsonProcessingException e) {
      throw new IllegalArgumentException("Not JSON: " + text, e);
    }
  }

  static boolean equal(JsonNode a, JsonNode b) {
    if (a.isNumber() && b.isNumber()) {
      return compareNumbers(a, b) == 0;
    }
    if (a.getNodeType() != b.getNodeType()) {
      return false;
    }
    if (a.isArray()) {
      if (a.size() != b.size()) {
        return false;
      }
      for (int i = 0; i < a.size(); i++) {
        if (!equal(a.get(i), b.get(i))) {
          return false;
        }
      }
      return true;
    }
    if (a.isObject()) {
      if (a.size() != b.size()) {
        return false;
      }
      for (Iterator<Map.Entry<String, JsonNode>> it = a.fields(); it.hasNext(); ) {
        Map.Entry<String, JsonNode> field = it.next();
        JsonNode other = b.get(field.getKey());
        if (other == null || !equal(field.getValue(), other)) {
          return false;
        }
      }
      return true;
    }
    return a.equals(b);
  }

  /** {@return a hash that equal values share}, for sets of values. */
  static int hash(JsonNode value) {
    if (value.isNumber()) {
      BigDecimal exact = decimal(value);
      return exact == null ? Double.hashCode(value.doubleValue()) : exact.stripTrailingZeros().hashCode();
    }
    if (value.isArray()) {
      int hash = 1;
      for (JsonNode item : value) {
        hash = 31 * hash + hash(item);
      }
      return hash;
    }
    if (value.isObject()) {
      int hash = 0;
      for (Iterator<Map.Entry<String, JsonNode>> it = value.fields(); it.hasNext(); ) {
        Map.Entry<String, JsonNode> field = it.next();
        hash += field.getKey().hashCode() ^ hash(field.getValue());
      }
      return hash;
    }
    return value.hashCode();
  }

  /** {@return the sign of {@code a - b}} for two numbers, exactly. */
  static int compareNumbers(JsonNode a, JsonNode b) {
    if ((a.isInt() || a.isLong()) && (b.isInt() || b.isLong())) {
      return Long.compare(a.longValue(), b.longValue());
    }
    BigDecimal x = decimal(a);
    BigDecimal y = decimal(b);
    if (x == null || y == null) {
      return Double.compare(a.doubleValue(), b.doubleValue());
    }
    return x.compareTo(y);
  }

  /** {@return a number's exact value}, or null for an infinite or NaN double. */
  static BigDecimal decimal(JsonNode number) {
    if ((number.isDouble() || number.isFloat()) && !Double.isFinite(number.doubleValue())) {
      return null;
    }
    return number.decimalValue();
  }
}
