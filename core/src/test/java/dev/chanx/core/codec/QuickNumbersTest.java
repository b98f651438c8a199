package dev.chanx.core.codec;

import static dev.chanx.core.codec.Frames.json;
import static org.junit.jupiter.api.Assertions.assertEquals;

import com.fasterxml.jackson.databind.JsonNode;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Random;
import java.util.function.UnaryOperator;
import org.junit.jupiter.api.Test;

/** The quick path of number rules decides exactly as the exact path would, on every value it takes. */
class QuickNumbersTest {

  private static final List<String> BOUNDS = List.of("0", "1", "-1", "0.1", "0.3", "1000", "2147483647",
      "-2147483648", "9007199254740993", "0.1000000000000000055511151231257827021181583404541015625", "1e308",
      "1e400", "-1e400", "123.456", "4.9e-324", "99.99");

  @Test
  void quickAndExactAgreeOnValuesNearAndFarFromBounds() {
    List<JsonNode> values = values(new Random(42)).stream().map(Frames::json).toList();
    for (String bound : BOUNDS) {
      List<UnaryOperator<NumberRule<Double>>> floatBounds = List.of(r -> r.minimum(bound), r -> r.maximum(bound),
          r -> r.exclusiveMinimum(bound), r -> r.exclusiveMaximum(bound));
      for (UnaryOperator<NumberRule<Double>> withBound : floatBounds) {
        NumberRule<Double> rule = withBound.apply(NumberRule.float64());
        values.forEach(value -> agree(rule, value));
      }
      if (new BigDecimal(bound).abs().compareTo(new BigDecimal("1e20")) < 0) {
        NumberRule<Long> longs = NumberRule.int64().minimum(bound).maximum(new BigDecimal(bound).abs().add(BigDecimal.TEN)
            .toPlainString());
        NumberRule<Integer> ints = NumberRule.int32().exclusiveMinimum(bound);
        values.forEach(value -> agree(longs, value));
        values.forEach(value -> agree(ints, value));
      }
    }
    values.forEach(value -> agree(NumberRule.float64(), value));
    values.forEach(value -> agree(NumberRule.int64(), value));
    values.forEach(value -> agree(NumberRule.int32(), value));
  }

  @Test
  void plainFloat64AgreesWithTheExactPath() {
    for (String value : values(new Random(7))) {
      JsonNode node = json(value);
      Problems quick = new Problems();
      Problems exact = new Problems();
      Double expected = NumberRule.float64().exactly(node, Loc.root(), exact);
      assertEquals(expected, Read.float64(node, Loc.root(), quick), value);
      assertEquals(exact.errors(), quick.errors(), value);
    }
  }

  @Test
  void boundsAreEnclosedByTheirNeighbouringDoubles() {
    for (String bound : BOUNDS) {
      BigDecimal exact = new BigDecimal(bound);
      double above = QuickNumbers.above(exact);
      double below = QuickNumbers.below(exact);
      if (Double.isFinite(above)) {
        assertEquals(true, new BigDecimal(above).compareTo(exact) >= 0, bound);
        assertEquals(true, above == -Double.MAX_VALUE || new BigDecimal(Math.nextDown(above)).compareTo(exact) < 0, bound);
      }
      if (Double.isFinite(below)) {
        assertEquals(true, new BigDecimal(below).compareTo(exact) <= 0, bound);
        assertEquals(true, below == Double.MAX_VALUE || new BigDecimal(Math.nextUp(below)).compareTo(exact) > 0, bound);
      }
    }
  }

  private static <T> void agree(NumberRule<T> rule, JsonNode node) {
    String value = node.toString();
    Problems quick = new Problems();
    Problems exact = new Problems();
    T expected = rule.exactly(node, Loc.of("m"), exact);
    assertEquals(expected, rule.read(node, Loc.of("m"), quick), value);
    assertEquals(exact.errors(), quick.errors(), value);
  }

  /** Bounds themselves, their neighbours, integers around 2^31 and 2^53, random doubles and specials. */
  private static List<String> values(Random random) {
    List<String> values = new ArrayList<>();
    for (String bound : BOUNDS) {
      values.add(bound);
      double d = Double.parseDouble(bound);
      if (Double.isFinite(d)) {
        values.add(Double.toString(Math.nextUp(d)));
        values.add(Double.toString(Math.nextDown(d)));
        values.add(Double.toString(-d));
      }
    }
    for (long v : new long[] {0, 1, -1, 5, 999, 1000, 1001, Integer.MAX_VALUE, Integer.MIN_VALUE,
        Integer.MAX_VALUE + 1L, Integer.MIN_VALUE - 1L, (1L << 53) - 1, 1L << 53, (1L << 53) + 1, -(1L << 53) - 1,
        Long.MAX_VALUE, Long.MIN_VALUE}) {
      values.add(Long.toString(v));
    }
    values.add("18446744073709551616");
    values.add("-0.0");
    values.add("0.0");
    values.add("5.0");
    values.add("1e309");
    values.add("\"1\"");
    values.add("true");
    values.add("null");
    for (int i = 0; i < 100; i++) {
      values.add(Double.toString(random.nextGaussian() * Math.pow(10, random.nextInt(12) - 4)));
      values.add(String.format(Locale.ROOT, "%.2f", random.nextDouble() * 200 - 100));
      values.add(Long.toString(random.nextLong() >> random.nextInt(64)));
    }
    return values;
  }
}
