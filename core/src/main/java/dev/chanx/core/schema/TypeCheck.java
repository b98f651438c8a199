package dev.chanx.core.schema;

import com.fasterxml.jackson.databind.JsonNode;
import dev.chanx.core.codec.Loc;
import dev.chanx.core.codec.Problems;
import dev.chanx.core.codec.Texts;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;

/**
 * {@code type}, one name or several. Reported with Pydantic's code for a single type
 * ({@code string_type}, {@code int_type}, ...) and {@code type} for several.
 */
final class TypeCheck implements Check {

  private static final List<String> NAMES =
      List.of("null", "boolean", "object", "array", "number", "string", "integer");
  private static final String[] CODES =
      {"none_required", "bool_type", "dict_type", "list_type", "float_type", "string_type", "int_type"};
  private static final String[] NOUNS = {"None", "boolean", "dictionary", "list", "number", "string", "integer"};

  private final int mask;
  private final String code;
  private final String message;

  private TypeCheck(int mask, String code, String message) {
    this.mask = mask;
    this.code = code;
    this.message = message;
  }

  static TypeCheck of(Set<String> names) {
    int mask = 0;
    List<String> nouns = new ArrayList<>();
    String code = "type";
    for (String name : names) {
      int index = NAMES.indexOf(name);
      if (index < 0) {
        throw new IllegalArgumentException("Unknown JSON Schema type: " + name);
      }
      mask |= 1 << index;
      nouns.add(NOUNS[index]);
      code = names.size() == 1 ? CODES[index] : "type";
    }
    String message = names.size() == 1 && names.contains("null")
        ? "Input should be None" : "Input should be a valid " + Texts.oneOf(nouns);
    return new TypeCheck(mask, code, message);
  }

  @Override
  public boolean accepts(JsonNode value) {
    int type = switch (value.getNodeType()) {
      case NULL -> 1;
      case BOOLEAN -> 1 << 1;
      case OBJECT -> 1 << 2;
      case ARRAY -> 1 << 3;
      case NUMBER -> (1 << 4) | (isInteger(value) ? 1 << 6 : 0);
      case STRING -> 1 << 5;
      default -> 0;
    };
    return (mask & type) != 0;
  }

  @Override
  public void collect(JsonNode value, Loc at, Problems problems) {
    if (code.equals("int_type") && value.isNumber()) {
      problems.add(at, "int_from_float", "Input should be a valid integer, got a number with a fractional part");
    } else {
      problems.add(at, code, message);
    }
  }

  /** {@return whether a number has no fractional part}: {@code 1.0} is an integer. */
  static boolean isInteger(JsonNode number) {
    if (number.isIntegralNumber()) {
      return true;
    }
    if (number.isDouble() || number.isFloat()) {
      double d = number.doubleValue();
      return Double.isFinite(d) && d == Math.rint(d);
    }
    java.math.BigDecimal exact = number.decimalValue();
    return exact.signum() == 0 || exact.scale() <= 0 || exact.stripTrailingZeros().scale() <= 0;
  }
}
