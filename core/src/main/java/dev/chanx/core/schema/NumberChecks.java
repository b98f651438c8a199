package dev.chanx.core.schema;

import com.fasterxml.jackson.databind.JsonNode;
import dev.chanx.core.codec.Loc;
import dev.chanx.core.codec.Problems;
import java.util.List;

/**
 * {@code minimum}, {@code maximum}, their exclusive forms and {@code multipleOf}, on the exact
 * value of a number; they ignore non-numbers. Messages and codes are Pydantic's.
 */
final class NumberChecks {

  private NumberChecks() {}

  static void add(JsonSchema.Builder keywords, List<Check> checks) {
    bound(checks, keywords.minimum, 1, true, "greater_than_equal", "greater than or equal to");
    bound(checks, keywords.exclusiveMinimum, 1, false, "greater_than", "greater than");
    bound(checks, keywords.maximum, -1, true, "less_than_equal", "less than or equal to");
    bound(checks, keywords.exclusiveMaximum, -1, false, "less_than", "less than");
    if (keywords.multipleOf != null) {
      checks.add(new MultipleOf(new Exact(keywords.multipleOf)));
    }
  }

  private static void bound(List<Check> checks, String decimal, int side, boolean inclusive, String code,
      String words) {
    if (decimal != null) {
      Exact bound = new Exact(decimal);
      checks.add(new Bound(bound, side, inclusive, code, "Input should be " + words + " " + bound.shown()));
    }
  }

  /** A bound: the value must be on {@code side} of it (1 above, -1 below), or equal if inclusive. */
  private record Bound(Exact bound, int side, boolean inclusive, String code, String message)
      implements Check {

    @Override
    public boolean accepts(JsonNode value) {
      if (!value.isNumber()) {
        return true;
      }
      int sign = bound.compareTo(value);
      return sign == side || (inclusive && sign == 0);
    }

    @Override
    public void collect(JsonNode value, Loc at, Problems problems) {
      problems.add(at, code, message);
    }
  }

  /** {@code multipleOf}: the quotient must be an integer, decided exactly. */
  private record MultipleOf(Exact divisor) implements Check {

    @Override
    public boolean accepts(JsonNode value) {
      return !value.isNumber() || divisor.divides(value);
    }

    @Override
    public void collect(JsonNode value, Loc at, Problems problems) {
      problems.add(at, "multiple_of", "Input should be a multiple of " + divisor.shown());
    }
  }
}
