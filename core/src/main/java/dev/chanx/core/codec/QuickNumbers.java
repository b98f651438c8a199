package dev.chanx.core.codec;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.math.BigDecimal;

/**
 * Decides the common number without {@link BigDecimal}: a value the parser already holds as an
 * int, a long or a finite double, strictly between the bounds' nearest doubles. Whatever it
 * cannot decide (a value at or beside a bound, a long past 2^53, a decimal node) goes the exact
 * way, which reports the same errors as ever, so this only makes valid frames cheaper.
 *
 * <p>Why a double comparison is exact here: a parsed double {@code d} stands for the decimal
 * {@link BigDecimal#valueOf(double)}, which rounds back to {@code d}; if {@code d} is strictly
 * above the smallest double at or above a bound, then so is every number that rounds to it.
 */
final class QuickNumbers {

  /** Longs up to this size convert to double exactly. */
  static final long EXACT_LONG = 1L << 53;

  private QuickNumbers() {}

  /** The smallest double at or above {@code bound}: a value strictly above it is above the bound. */
  static double above(BigDecimal bound) {
    double d = bound.doubleValue();
    if (Double.isInfinite(d)) {
      return d > 0 ? d : -Double.MAX_VALUE;
    }
    while (new BigDecimal(d).compareTo(bound) < 0) {
      d = Math.nextUp(d);
    }
    while (d != -Double.MAX_VALUE && new BigDecimal(Math.nextDown(d)).compareTo(bound) >= 0) {
      d = Math.nextDown(d);
    }
    return d;
  }

  /** The largest double at or below {@code bound}: a value strictly below it is below the bound. */
  static double below(BigDecimal bound) {
    return -above(bound.negate());
  }

  /** The value as a double when it is exactly one, else NaN (undecided). */
  static double of(JsonNode value) {
    if (value.isDouble()) {
      return ofDouble(value.doubleValue());
    }
    if (value.isInt()) {
      return value.intValue();
    }
    if (value.isLong()) {
      return ofLong(value.longValue());
    }
    return Double.NaN;
  }

  /** {@link #of(JsonNode)} for the number token a parser is on: the same value the tree would give. */
  static double of(JsonParser json) throws IOException {
    JsonToken token = json.currentToken();
    if (token == JsonToken.VALUE_NUMBER_FLOAT && json.getNumberType() == JsonParser.NumberType.DOUBLE) {
      return ofDouble(json.getDoubleValue());
    }
    if (token == JsonToken.VALUE_NUMBER_INT) {
      JsonParser.NumberType type = json.getNumberType();
      if (type == JsonParser.NumberType.INT) {
        return json.getIntValue();
      }
      if (type == JsonParser.NumberType.LONG) {
        return ofLong(json.getLongValue());
      }
    }
    return Double.NaN;
  }

  static double ofLong(long v) {
    return v <= EXACT_LONG && v >= -EXACT_LONG ? v : Double.NaN;
  }

  private static double ofDouble(double d) {
    if (d == 0) {
      // -0.0 as the exact path reads it: BigDecimal has no negative zero.
      return 0.0;
    }
    return Double.isFinite(d) ? d : Double.NaN;
  }
}
