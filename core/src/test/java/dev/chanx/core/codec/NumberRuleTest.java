package dev.chanx.core.codec;

import static dev.chanx.core.codec.Frames.error;
import static dev.chanx.core.codec.Frames.errors;
import static dev.chanx.core.codec.Frames.exact;
import static dev.chanx.core.codec.Frames.json;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.math.BigDecimal;
import java.util.List;
import org.junit.jupiter.api.Test;

class NumberRuleTest {

  @Test
  void boundsUseTheDocumentsTextInMessages() {
    NumberRule<Long> rule = NumberRule.int64().minimum("1").maximum("10");

    assertEquals(List.of(error("greater_than_equal", "Input should be greater than or equal to 1", "m")),
        errors(rule, json("0")));
    assertEquals(List.of(error("less_than_equal", "Input should be less than or equal to 10", "m")),
        errors(rule, json("11")));
    assertEquals(10L, rule.read(json("10"), Loc.root(), new Problems()));
  }

  @Test
  void exclusiveDecimalBoundsAreComparedExactly() {
    NumberRule<BigDecimal> rule = NumberRule.decimal().exclusiveMinimum("0.1").exclusiveMaximum("0.3");

    assertEquals(List.of(error("greater_than", "Input should be greater than 0.1", "m")), errors(rule, json("0.1")));
    assertEquals(List.of(error("less_than", "Input should be less than 0.3", "m")), errors(rule, exact("0.3")));
    assertEquals(new BigDecimal("0.2999999999"), rule.read(exact("0.2999999999"), Loc.root(), new Problems()));
    assertEquals(new BigDecimal("0.1000000001"), rule.read(exact("0.1000000001"), Loc.root(), new Problems()));
  }

  @Test
  void multipleOfIsExactForDecimals() {
    NumberRule<BigDecimal> rule = NumberRule.decimal().multipleOf("0.1");

    assertEquals(new BigDecimal("0.3"), rule.read(json("0.3"), Loc.root(), new Problems()));
    assertEquals(List.of(error("multiple_of", "Input should be a multiple of 0.1", "m")), errors(rule, json("0.35")));
  }

  @Test
  void integersMustBeWholeAndFitTheJavaType() {
    assertEquals(List.of(error("int_from_float", "Input should be a valid integer, got a number with a fractional part",
        "m")), errors(NumberRule.int32(), json("1.5")));
    assertEquals(List.of(error("int_type", "Input should be a valid integer", "m")), errors(NumberRule.int32(), json("true")));
    assertEquals(List.of(error("less_than_equal", "Input should be less than or equal to 2147483647", "m")),
        errors(NumberRule.int32(), json("2147483648")));
    assertEquals(List.of(error("less_than_equal", "Input should be less than or equal to 100", "m")),
        errors(NumberRule.int32().maximum("100"), json("99999999999")), "the schema's bound comes first");
    assertEquals(5, NumberRule.int32().read(json("5.0"), Loc.root(), new Problems()));
  }

  @Test
  void numericEnum() {
    assertEquals(List.of(error("enum", "Input should be 1, 5 or 15", "m")),
        errors(NumberRule.int64().oneOf("1", "5", "15"), json("2")));
  }

  @Test
  void plainReadersCheckTypeAndRange() {
    assertEquals(List.of(error("float_type", "Input should be a valid number", "m")), errors(Read::float64, json("\"1\"")));
    assertEquals(List.of(error("finite_number", "Input should be a finite number", "m")), errors(Read::float64, json("1e400")));
    assertEquals(List.of(error("greater_than_equal", "Input should be greater than or equal to -9223372036854775808", "m")),
        errors(Read::int64, json("-9223372036854775809")));
  }
}
