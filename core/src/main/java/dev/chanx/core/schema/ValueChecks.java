package dev.chanx.core.schema;

import com.fasterxml.jackson.databind.JsonNode;
import dev.chanx.core.codec.Loc;
import dev.chanx.core.codec.Problems;
import dev.chanx.core.codec.Texts;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/** {@code type}, {@code enum} and {@code const}: the checks on any value, whatever its type. */
final class ValueChecks {

  private ValueChecks() {}

  static void add(JsonSchema.Builder keywords, List<Check> checks) {
    if (!keywords.types.isEmpty()) {
      checks.add(TypeCheck.of(keywords.types));
    }
    if (keywords.enumValues != null) {
      if (!keywords.enumValues.isArray()) {
        throw new IllegalArgumentException("enum should be a JSON array: " + keywords.enumValues);
      }
      checks.add(new EnumCheck(keywords.enumValues));
    }
    if (keywords.constant != null) {
      checks.add(new ConstCheck(keywords.constant));
    }
  }

  /** {@code enum}: strings looked up in a hash set, other values compared one by one. */
  private static final class EnumCheck implements Check {
    private final Set<String> strings = new HashSet<>();
    private final List<JsonNode> others = new ArrayList<>();
    private final String message;

    EnumCheck(JsonNode values) {
      List<String> shown = new ArrayList<>();
      for (JsonNode value : values) {
        if (value.isTextual()) {
          strings.add(value.textValue());
        } else {
          others.add(value);
        }
        shown.add(Shown.value(value));
      }
      message = shown.isEmpty() ? "No value is allowed (the enum is empty)" : "Input should be " + Texts.oneOf(shown);
    }

    @Override
    public boolean accepts(JsonNode value) {
      if (value.isTextual()) {
        return strings.contains(value.textValue());
      }
      for (JsonNode other : others) {
        if (Json.equal(other, value)) {
          return true;
        }
      }
      return false;
    }

    @Override
    public void collect(JsonNode value, Loc at, Problems problems) {
      problems.add(at, "enum", message);
    }
  }

  /** {@code const}, reported as Pydantic reports a literal. */
  private static final class ConstCheck implements Check {
    private final JsonNode expected;
    private final String message;

    ConstCheck(JsonNode expected) {
      this.expected = expected;
      this.message = "Input should be " + Shown.value(expected);
    }

    @Override
    public boolean accepts(JsonNode value) {
      return Json.equal(expected, value);
    }

    @Override
    public void collect(JsonNode value, Loc at, Problems problems) {
      problems.add(at, "literal_error", message);
    }
  }
}
