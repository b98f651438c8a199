package dev.chanx.core.schema;

import com.fasterxml.jackson.databind.JsonNode;
import dev.chanx.core.codec.Loc;
import dev.chanx.core.codec.Problems;
import dev.chanx.core.codec.Texts;
import java.util.List;

/**
 * {@code items}, {@code additionalItems}, {@code contains}, {@code minItems}, {@code maxItems}
 * and {@code uniqueItems}: they ignore non-arrays.
 */
final class ArrayChecks {

  private ArrayChecks() {}

  static void add(JsonSchema.Builder keywords, List<Check> checks) {
    if (keywords.tupleItems != null) {
      JsonSchema rest = keywords.additionalItems == null ? JsonSchema.anything() : keywords.additionalItems;
      checks.add(new Items(keywords.tupleItems, rest));
    } else if (keywords.items != null) {
      checks.add(new Items(new JsonSchema[0], keywords.items));
    }
    if (keywords.contains != null) {
      checks.add(new Contains(keywords.contains));
    }
    if (keywords.minItems != null || keywords.maxItems != null) {
      checks.add(new Size(keywords.minItems, keywords.maxItems));
    }
    if (keywords.uniqueItems) {
      checks.add(new UniqueItems());
    }
  }

  /** Positional schemas for the first elements, {@code rest} for the others. */
  private record Items(JsonSchema[] positional, JsonSchema rest) implements Check {

    private JsonSchema schema(int index) {
      return index < positional.length ? positional[index] : rest;
    }

    @Override
    public boolean accepts(JsonNode value) {
      if (!value.isArray()) {
        return true;
      }
      for (int i = 0; i < value.size(); i++) {
        if (!schema(i).accepts(value.get(i))) {
          return false;
        }
      }
      return true;
    }

    @Override
    public void collect(JsonNode value, Loc at, Problems problems) {
      boolean closed = rest.isNothing();
      if (closed && value.size() > positional.length) {
        // Pydantic's words for a tuple too long; the elements before are still checked below.
        problems.add(at, "too_long", "Tuple should have at most " + Texts.count(positional.length, "item")
            + " after validation, not " + value.size());
      }
      for (int i = 0; i < value.size(); i++) {
        JsonSchema schema = schema(i);
        if (!(closed && i >= positional.length) && !schema.accepts(value.get(i))) {
          schema.collect(value.get(i), at.index(i), problems);
        }
      }
    }
  }

  private record Contains(JsonSchema schema) implements Check {

    @Override
    public boolean accepts(JsonNode value) {
      if (!value.isArray()) {
        return true;
      }
      for (JsonNode item : value) {
        if (schema.accepts(item)) {
          return true;
        }
      }
      return false;
    }

    @Override
    public void collect(JsonNode value, Loc at, Problems problems) {
      problems.add(at, "contains", "List should contain at least one item that matches the contains schema");
    }
  }

  private record Size(Long min, Long max) implements Check {

    @Override
    public boolean accepts(JsonNode value) {
      return !value.isArray() || ((min == null || value.size() >= min) && (max == null || value.size() <= max));
    }

    @Override
    public void collect(JsonNode value, Loc at, Problems problems) {
      if (min != null && value.size() < min) {
        problems.add(at, "too_short", "List should have at least " + Texts.count(min, "item")
            + " after validation, not " + value.size());
      } else {
        problems.add(at, "too_long", "List should have at most " + Texts.count(max, "item")
            + " after validation, not " + value.size());
      }
    }
  }

  /** No two equal elements: pairwise for short arrays, by {@link Json#hash} for longer ones. */
  private static final class UniqueItems implements Check {

    @Override
    public boolean accepts(JsonNode value) {
      return !value.isArray() || Duplicates.first(value) == null;
    }

    @Override
    public void collect(JsonNode value, Loc at, Problems problems) {
      int[] pair = Duplicates.first(value);
      problems.add(at, "unique_items",
          "List should have unique items, but items " + pair[0] + " and " + pair[1] + " are equal");
    }
  }
}
