package dev.chanx.core.codec;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.math.BigDecimal;

/** Reads JSON numbers exactly and fits them into Java number types, reporting what fails. */
final class Numbers {

  static final Fit<Integer> INT32 =
      new Fit<>(BigDecimal.valueOf(Integer.MIN_VALUE), BigDecimal.valueOf(Integer.MAX_VALUE)) {
        @Override
        Integer convert(BigDecimal number) {
          return number.intValueExact();
        }

        @Override
        Integer quick(JsonNode value, double low, double high) {
          if (value.isInt()) {
            int v = value.intValue();
            return low < v && v < high ? v : null;
          }
          return null;
        }

        @Override
        Integer quick(JsonParser json, double low, double high) throws IOException {
          if (json.currentToken() == JsonToken.VALUE_NUMBER_INT && json.getNumberType() == JsonParser.NumberType.INT) {
            int v = json.getIntValue();
            return low < v && v < high ? v : null;
          }
          return null;
        }
      };

  static final Fit<Long> INT64 =
      new Fit<>(BigDecimal.valueOf(Long.MIN_VALUE), BigDecimal.valueOf(Long.MAX_VALUE)) {
        @Override
        Long convert(BigDecimal number) {
          return number.longValueExact();
        }

        @Override
        Long quick(JsonNode value, double low, double high) {
          if (!value.isInt() && !value.isLong()) {
            return null;
          }
          return inside(value.longValue(), low, high);
        }

        @Override
        Long quick(JsonParser json, double low, double high) throws IOException {
          if (json.currentToken() != JsonToken.VALUE_NUMBER_INT) {
            return null;
          }
          JsonParser.NumberType type = json.getNumberType();
          if (type != JsonParser.NumberType.INT && type != JsonParser.NumberType.LONG) {
            return null;
          }
          return inside(json.getLongValue(), low, high);
        }

        private Long inside(long v, double low, double high) {
          if (low == Double.NEGATIVE_INFINITY && high == Double.POSITIVE_INFINITY) {
            return v;
          }
          double d = QuickNumbers.ofLong(v);
          return low < d && d < high ? v : null;
        }
      };

  static final Fit<Double> FLOAT64 = new Fit<>(null, null) {
    @Override
    Double convert(BigDecimal number) {
      return number.doubleValue();
    }

    @Override
    Double quick(JsonNode value, double low, double high) {
      double d = QuickNumbers.of(value);
      // NaN (undecided) fails both comparisons.
      return low < d && d < high ? d : null;
    }

    @Override
    Double quick(JsonParser json, double low, double high) throws IOException {
      double d = QuickNumbers.of(json);
      return low < d && d < high ? d : null;
    }

    @Override
    Double fit(BigDecimal number, Loc at, Problems problems) {
      double value = number.doubleValue();
      if (Double.isInfinite(value)) {
        problems.add(at, "finite_number", "Input should be a finite number");
        return null;
      }
      return value;
    }
  };

  static final Fit<BigDecimal> DECIMAL = new Fit<>(null, null) {
    @Override
    BigDecimal convert(BigDecimal number) {
      return number;
    }
  };

  private Numbers() {}

  /** A JSON number with no fractional part (JSON Schema counts {@code 5.0} as an integer). */
  static BigDecimal integer(JsonNode value, Loc at, Problems problems) {
    if (value.isIntegralNumber()) {
      return value.decimalValue();
    }
    if (!value.isNumber()) {
      problems.add(at, "int_type", "Input should be a valid integer");
      return null;
    }
    BigDecimal number = number(value, at, problems);
    if (number == null) {
      return null;
    }
    if (number.signum() != 0 && number.stripTrailingZeros().scale() > 0) {
      problems.add(at, "int_from_float", "Input should be a valid integer, got a number with a fractional part");
      return null;
    }
    return number;
  }

  /** Any finite JSON number, exactly as parsed. */
  static BigDecimal number(JsonNode value, Loc at, Problems problems) {
    if (!value.isNumber()) {
      problems.add(at, "float_type", "Input should be a valid number");
      return null;
    }
    if ((value.isDouble() || value.isFloat()) && !Double.isFinite(value.doubleValue())) {
      problems.add(at, "finite_number", "Input should be a finite number");
      return null;
    }
    return value.decimalValue();
  }

  /** Converts an exact number into a Java type, reporting a value outside the type's range. */
  abstract static class Fit<T> {
    private final BigDecimal min;
    private final BigDecimal max;

    Fit(BigDecimal min, BigDecimal max) {
      this.min = min;
      this.max = max;
    }

    abstract T convert(BigDecimal number);

    /**
     * The value when it is plainly of this type and strictly between {@code low} and
     * {@code high}, or null to take the exact path; see {@link QuickNumbers}.
     */
    T quick(JsonNode value, double low, double high) {
      return null;
    }

    /** {@link #quick(JsonNode, double, double)} for the number token a parser is on. */
    T quick(JsonParser json, double low, double high) throws IOException {
      return null;
    }

    /** Whether {@link #quick} can ever decide. */
    final boolean hasQuickPath() {
      return this != DECIMAL;
    }

    T fit(BigDecimal number, Loc at, Problems problems) {
      // A value the type cannot hold is refused like a bound of the schema, never wrapped.
      if (min != null && number.compareTo(min) < 0) {
        problems.add(at, "greater_than_equal", "Input should be greater than or equal to " + min.toPlainString());
        return null;
      }
      if (max != null && number.compareTo(max) > 0) {
        problems.add(at, "less_than_equal", "Input should be less than or equal to " + max.toPlainString());
        return null;
      }
      return convert(number);
    }
  }
}
