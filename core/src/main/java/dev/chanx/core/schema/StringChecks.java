package dev.chanx.core.schema;

import com.fasterxml.jackson.databind.JsonNode;
import dev.chanx.core.codec.Loc;
import dev.chanx.core.codec.Problems;
import dev.chanx.core.codec.Texts;
import java.util.List;
import java.util.function.Predicate;

/** {@code minLength}, {@code maxLength}, {@code pattern} and {@code format}: they ignore non-strings. */
final class StringChecks {

  private StringChecks() {}

  static void add(JsonSchema.Builder keywords, List<Check> checks) {
    if (keywords.minLength != null || keywords.maxLength != null) {
      checks.add(new Length(keywords.minLength, keywords.maxLength));
    }
    if (keywords.pattern != null) {
      checks.add(new Matches(keywords.pattern));
    }
    if (keywords.format != null) {
      Predicate<String> format = Formats.named(keywords.format);
      if (format != null) {
        checks.add(new Format(keywords.format, format));
      }
    }
  }

  /** Lengths in code points: a surrogate pair counts one, as draft-07 says. */
  private static final class Length implements Check {
    private final long min;
    private final long max;

    Length(Long min, Long max) {
      this.min = min == null ? 0 : min;
      this.max = max == null ? Long.MAX_VALUE : max;
    }

    private long length(String text) {
      // n UTF-16 units hold between ceil(n / 2) and n code points: count only when in doubt.
      int units = text.length();
      return (units + 1) / 2 >= min && units <= max ? units : text.codePointCount(0, units);
    }

    @Override
    public boolean accepts(JsonNode value) {
      if (!value.isTextual()) {
        return true;
      }
      long length = length(value.textValue());
      return length >= min && length <= max;
    }

    @Override
    public void collect(JsonNode value, Loc at, Problems problems) {
      if (length(value.textValue()) < min) {
        problems.add(at, "string_too_short", "String should have at least " + Texts.count(min, "character"));
      } else {
        problems.add(at, "string_too_long", "String should have at most " + Texts.count(max, "character"));
      }
    }
  }

  /** {@code pattern}, searched anywhere in the string. */
  private static final class Matches implements Check {
    private final String source;
    private final EcmaFinder pattern;

    Matches(String ecma) {
      this.source = ecma;
      this.pattern = EcmaFinder.compile(ecma);
    }

    @Override
    public boolean accepts(JsonNode value) {
      return !value.isTextual() || pattern.find(value.textValue());
    }

    @Override
    public void collect(JsonNode value, Loc at, Problems problems) {
      problems.add(at, "string_pattern_mismatch", "String should match pattern '" + source + "'");
    }
  }

  /** {@code format}, asserted. */
  private static final class Format implements Check {
    private final String name;
    private final Predicate<String> test;

    Format(String name, Predicate<String> test) {
      this.name = name;
      this.test = test;
    }

    @Override
    public boolean accepts(JsonNode value) {
      return !value.isTextual() || test.test(value.textValue());
    }

    @Override
    public void collect(JsonNode value, Loc at, Problems problems) {
      problems.add(at, "format", "String should be a valid " + name);
    }
  }
}
