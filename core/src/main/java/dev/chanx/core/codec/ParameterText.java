package dev.chanx.core.codec;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import java.math.BigDecimal;
import java.math.BigInteger;
import java.util.regex.Pattern;

/**
 * Reads the text of a path or query parameter as the JSON value its schema declares, so that the
 * schema's rules apply to a number as to a number. Text that is not such a value stays text, and
 * the schema's {@code type} then refuses it.
 */
final class ParameterText {

  // JSON's own grammar: no sign of +, no leading zeros, no bare dot.
  private static final Pattern INTEGER = Pattern.compile("-?(0|[1-9][0-9]*)");
  private static final Pattern NUMBER = Pattern.compile("-?(0|[1-9][0-9]*)(\\.[0-9]+)?([eE][+-]?[0-9]+)?");

  private ParameterText() {}

  /**
   * {@return the text as a JSON value of {@code type}}: a number for {@code integer} and
   * {@code number}, {@code true} or {@code false} for {@code boolean}, else (or when the text is
   * none of those) a string.
   */
  static JsonNode read(String text, String type) {
    JsonNodeFactory json = JsonNodeFactory.instance;
    switch (type) {
      case "integer" -> {
        if (INTEGER.matcher(text).matches()) {
          return json.numberNode(new BigInteger(text));
        }
      }
      case "number" -> {
        if (NUMBER.matcher(text).matches()) {
          return json.numberNode(new BigDecimal(text));
        }
      }
      case "boolean" -> {
        if (text.equals("true") || text.equals("false")) {
          return json.booleanNode(text.equals("true"));
        }
      }
      default -> { }
    }
    return json.textNode(text);
  }

  /** {@return what the problems say, one after another}, for a log line. */
  static String describe(Problems problems) {
    StringBuilder out = new StringBuilder();
    problems.errors().forEach(e -> out.append(out.length() == 0 ? "" : "; ").append(e.loc()).append(' ')
        .append(e.msg()));
    return out.toString();
  }
}
