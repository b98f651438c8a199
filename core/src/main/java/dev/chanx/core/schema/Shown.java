package dev.chanx.core.schema;

import com.fasterxml.jackson.databind.JsonNode;
import dev.chanx.core.codec.Texts;
import java.util.Iterator;
import java.util.Map;

/** Shows JSON values inside messages as Pydantic (Python) prints them: {@code 'a'}, {@code None}. */
final class Shown {

  private Shown() {}

  static String value(JsonNode value) {
    StringBuilder out = new StringBuilder();
    append(value, out);
    return out.toString();
  }

  private static void append(JsonNode value, StringBuilder out) {
    switch (value.getNodeType()) {
      case STRING -> out.append(Texts.repr(value.textValue()));
      case BOOLEAN -> out.append(value.booleanValue() ? "True" : "False");
      case NULL -> out.append("None");
      case NUMBER -> out.append(value.isBigDecimal() ? value.decimalValue().toString() : value.asText());
      case ARRAY -> {
        out.append('[');
        for (int i = 0; i < value.size(); i++) {
          out.append(i == 0 ? "" : ", ");
          append(value.get(i), out);
        }
        out.append(']');
      }
      case OBJECT -> {
        out.append('{');
        boolean first = true;
        for (Iterator<Map.Entry<String, JsonNode>> it = value.fields(); it.hasNext(); first = false) {
          Map.Entry<String, JsonNode> field = it.next();
          out.append(first ? "" : ", ").append(Texts.repr(field.getKey())).append(": ");
          append(field.getValue(), out);
        }
        out.append('}');
      }
      default -> out.append(value);
    }
  }
}
