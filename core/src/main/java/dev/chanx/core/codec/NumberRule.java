package dev.chanx.core.codec;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;

/**
 * Reads a number and checks the schema's bounds, {@code multipleOf} and {@code enum} on its exact
 * decimal value (never by adding or subtracting one), then fits it into the Java type. Immutable:
 * each setter returns a new rule; generated code keeps rules in static constants.
 *
 * @param <T> the Java type: {@code Integer}, {@code Long}, {@code Double} or {@code BigDecimal}
 */
public final class NumberRule<T> implements ValueReader<T>, StreamReader<T> {

  private final Numbers.Fit<T> fit;
  private final boolean integer;
  private final BigDecimal minimum;
  private final BigDecimal exclusiveMinimum;
  private final BigDecimal maximum;
  private final BigDecimal exclusiveMaximum;
  private final BigDecimal multipleOf;
  private final List<BigDecimal> allowed;
  private final String allowedType;
  // The quick path (QuickNumbers): a value strictly between these doubles is within every bound.
  private final boolean quick;
  private final double quickLow;
  private final double quickHigh;

  private NumberRule(Numbers.Fit<T> fit, boolean integer, BigDecimal minimum, BigDecimal exclusiveMinimum,
      BigDecimal maximum, BigDecimal exclusiveMaximum, BigDecimal multipleOf, List<BigDecimal> allowed,
      String allowedType) {
    this.fit = fit;
    this.integer = integer;
    this.minimum = minimum;
    this.exclusiveMinimum = exclusiveMinimum;
    this.maximum = maximum;
    this.exclusiveMaximum = exclusiveMaximum;
    this.multipleOf = multipleOf;
    this.allowed = allowed;
    this.allowedType = allowedType;
    this.quick = multipleOf == null && allowed.isEmpty() && fit.hasQuickPath();
    this.quickLow = Math.max(minimum == null ? Double.NEGATIVE_INFINITY : QuickNumbers.above(minimum),
        exclusiveMinimum == null ? Double.NEGATIVE_INFINITY : QuickNumbers.above(exclusiveMinimum));
    this.quickHigh = Math.min(maximum == null ? Double.POSITIVE_INFINITY : QuickNumbers.below(maximum),
        exclusiveMaximum == null ? Double.POSITIVE_INFINITY : QuickNumbers.below(exclusiveMaximum));
  }

  /**
   * {@return integers held in an {@code int}}
   */
  public static NumberRule<Integer> int32() {
    return new NumberRule<>(Numbers.INT32, true, null, null, null, null, null, List.of(), "enum");
  }

  /**
   * {@return integers held in a {@code long}}
   */
  public static NumberRule<Long> int64() {
    return new NumberRule<>(Numbers.INT64, true, null, null, null, null, null, List.of(), "enum");
  }

  /**
   * {@return numbers held in a {@code double}}
   */
  public static NumberRule<Double> float64() {
    return new NumberRule<>(Numbers.FLOAT64, false, null, null, null, null, null, List.of(), "enum");
  }

  /**
   * {@return numbers held exactly in a {@code BigDecimal}}
   */
  public static NumberRule<BigDecimal> decimal() {
    return new NumberRule<>(Numbers.DECIMAL, false, null, null, null, null, null, List.of(), "enum");
  }

  /**
   * {@code minimum}, as written in the document.
   *
   * @param value the bound as written in the document
   * @return this rule
   */
  public NumberRule<T> minimum(String value) {
    return new NumberRule<>(fit, integer, new BigDecimal(value), exclusiveMinimum, maximum, exclusiveMaximum,
        multipleOf, allowed, allowedType);
  }

  /**
   * {@code exclusiveMinimum}, as written in the document.
   *
   * @param value the bound as written in the document
   * @return this rule
   */
  public NumberRule<T> exclusiveMinimum(String value) {
    return new NumberRule<>(fit, integer, minimum, new BigDecimal(value), maximum, exclusiveMaximum,
        multipleOf, allowed, allowedType);
  }

  /**
   * {@code maximum}, as written in the document.
   *
   * @param value the bound as written in the document
   * @return this rule
   */
  public NumberRule<T> maximum(String value) {
    return new NumberRule<>(fit, integer, minimum, exclusiveMinimum, new BigDecimal(value), exclusiveMaximum,
        multipleOf, allowed, allowedType);
  }

  /**
   * {@code exclusiveMaximum}, as written in the document.
   *
   * @param value the bound as written in the document
   * @return this rule
   */
  public NumberRule<T> exclusiveMaximum(String value) {
    return new NumberRule<>(fit, integer, minimum, exclusiveMinimum, maximum, new BigDecimal(value),
        multipleOf, allowed, allowedType);
  }

  /**
   * {@code multipleOf}, as written in the document.
   *
   * @param value the divisor as written in the document
   * @return this rule
   */
  public NumberRule<T> multipleOf(String value) {
    return new NumberRule<>(fit, integer, minimum, exclusiveMinimum, maximum, exclusiveMaximum,
        new BigDecimal(value), allowed, allowedType);
  }

  /**
   * The {@code enum} of a numeric schema: the only values allowed.
   *
   * @param values the values as written in the document
   * @return this rule
   */
  public NumberRule<T> oneOf(String... values) {
    List<BigDecimal> list = new ArrayList<>(values.length);
    for (String value : values) {
      list.add(new BigDecimal(value));
    }
    return new NumberRule<>(fit, integer, minimum, exclusiveMinimum, maximum, exclusiveMaximum, multipleOf,
        List.copyOf(list), "enum");
  }

  /**
   * The {@code const} of a numeric schema: the one value allowed.
   *
   * @param value the value as written in the document
   * @return this rule
   */
  public NumberRule<T> constant(String value) {
    return new NumberRule<>(fit, integer, minimum, exclusiveMinimum, maximum, exclusiveMaximum, multipleOf,
        List.of(new BigDecimal(value)), "literal_error");
  }

  @Override
  public T read(JsonNode value, Loc at, Problems problems) {
    if (quick) {
      T inside = fit.quick(value, quickLow, quickHigh);
      if (inside != null) {
        return inside;
      }
    }
    return exactly(value, at, problems);
  }

  /** Reads the value by its exact decimal, as {@link #read} does whenever the quick path cannot decide. */
  @Override
  public T read(JsonParser json) throws IOException {
    if (quick) {
      T inside = fit.quick(json, quickLow, quickHigh);
      if (inside != null) {
        return inside;
      }
    }
    return Tokens.tree(json, this);
  }

  T exactly(JsonNode value, Loc at, Problems problems) {
    BigDecimal number = integer ? Numbers.integer(value, at, problems) : Numbers.number(value, at, problems);
    if (number == null) {
      return null;
    }
    // Pydantic's order, and like Pydantic only the first failed constraint is reported.
    if (multipleOf != null && number.remainder(multipleOf).signum() != 0) {
      return fail(at, problems, "multiple_of", "Input should be a multiple of " + multipleOf.toPlainString());
    }
    if (maximum != null && number.compareTo(maximum) > 0) {
      return fail(at, problems, "less_than_equal", "Input should be less than or equal to " + maximum.toPlainString());
    }
    if (exclusiveMaximum != null && number.compareTo(exclusiveMaximum) >= 0) {
      return fail(at, problems, "less_than", "Input should be less than " + exclusiveMaximum.toPlainString());
    }
    if (minimum != null && number.compareTo(minimum) < 0) {
      return fail(at, problems, "greater_than_equal",
          "Input should be greater than or equal to " + minimum.toPlainString());
    }
    if (exclusiveMinimum != null && number.compareTo(exclusiveMinimum) <= 0) {
      return fail(at, problems, "greater_than", "Input should be greater than " + exclusiveMinimum.toPlainString());
    }
    if (!allowed.isEmpty() && allowed.stream().noneMatch(a -> a.compareTo(number) == 0)) {
      return fail(at, problems, allowedType, "Input should be "
          + Texts.oneOf(allowed.stream().map(BigDecimal::toPlainString).toList()));
    }
    return fit.fit(number, at, problems);
  }

  private T fail(Loc at, Problems problems, String type, String msg) {
    problems.add(at, type, msg);
    return null;
  }
}
