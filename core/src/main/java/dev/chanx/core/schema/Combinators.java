package dev.chanx.core.schema;

import com.fasterxml.jackson.databind.JsonNode;
import dev.chanx.core.codec.Loc;
import dev.chanx.core.codec.Problems;
import java.util.List;

/**
 * {@code allOf}, {@code anyOf}, {@code oneOf}, {@code not} and {@code if}/{@code then}/{@code else}.
 * {@code allOf} and the conditional report the problems of the schemas they apply, at the same
 * location; the others report one problem of their own.
 */
final class Combinators {

  private Combinators() {}

  static void add(JsonSchema.Builder keywords, List<Check> checks) {
    for (JsonSchema schema : keywords.allOf) {
      checks.add(new Apply(schema));
    }
    for (JsonSchema[] any : keywords.anyOf) {
      checks.add(new AnyOf(any));
    }
    for (JsonSchema[] one : keywords.oneOf) {
      checks.add(new OneOf(one));
    }
    for (JsonSchema schema : keywords.not) {
      checks.add(new Not(schema));
    }
    for (JsonSchema[] condition : keywords.conditions) {
      if (condition[1] != null || condition[2] != null) {
        checks.add(new Condition(condition[0], condition[1], condition[2]));
      }
    }
  }

  /** One schema of {@code allOf}. */
  private record Apply(JsonSchema schema) implements Check {

    @Override
    public boolean accepts(JsonNode value) {
      return schema.accepts(value);
    }

    @Override
    public void collect(JsonNode value, Loc at, Problems problems) {
      schema.collect(value, at, problems);
    }
  }

  private record AnyOf(JsonSchema[] any) implements Check {

    @Override
    public boolean accepts(JsonNode value) {
      for (JsonSchema schema : any) {
        if (schema.accepts(value)) {
          return true;
        }
      }
      return false;
    }

    @Override
    public void collect(JsonNode value, Loc at, Problems problems) {
      problems.add(at, "any_of", "Input should match at least one of the anyOf schemas");
    }
  }

  private record OneOf(JsonSchema[] one) implements Check {

    private int matches(JsonNode value, int enough) {
      int matches = 0;
      for (int i = 0; i < one.length && matches < enough; i++) {
        if (one[i].accepts(value)) {
          matches++;
        }
      }
      return matches;
    }

    @Override
    public boolean accepts(JsonNode value) {
      return matches(value, 2) == 1;
    }

    @Override
    public void collect(JsonNode value, Loc at, Problems problems) {
      int matches = matches(value, one.length);
      if (matches == 0) {
        problems.add(at, "one_of_none", "Input should match exactly one of the oneOf schemas, but matches none");
      } else {
        problems.add(at, "one_of_many",
            "Input should match exactly one of the oneOf schemas, but matches " + matches);
      }
    }
  }

  private record Not(JsonSchema schema) implements Check {

    @Override
    public boolean accepts(JsonNode value) {
      return !schema.accepts(value);
    }

    @Override
    public void collect(JsonNode value, Loc at, Problems problems) {
      problems.add(at, "not_allowed", "Input should not match the schema of not");
    }
  }

  /** {@code then} applies when {@code if} holds, {@code else} when not; either may be absent. */
  private record Condition(JsonSchema test, JsonSchema then, JsonSchema otherwise) implements Check {

    private JsonSchema branch(JsonNode value) {
      JsonSchema branch = test.accepts(value) ? then : otherwise;
      return branch == null ? JsonSchema.anything() : branch;
    }

    @Override
    public boolean accepts(JsonNode value) {
      return branch(value).accepts(value);
    }

    @Override
    public void collect(JsonNode value, Loc at, Problems problems) {
      branch(value).collect(value, at, problems);
    }
  }
}
