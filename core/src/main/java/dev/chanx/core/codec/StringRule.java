package dev.chanx.core.codec;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import dev.chanx.core.schema.EcmaFinder;

/**
 * Reads a string and checks {@code minLength}, {@code maxLength} (in code points, as JSON Schema
 * counts) and {@code pattern} (searched, not matched whole, as JSON Schema specifies). Immutable;
 * generated code keeps rules in static constants so that a pattern is compiled once.
 */
public final class StringRule implements ValueReader<String>, StreamReader<String> {

  private final Integer minLength;
  private final Integer maxLength;
  // As written in the document (ECMA-262), for messages; compiled as its Java translation.
  private final String source;
  private final EcmaFinder pattern;

  private StringRule(Integer minLength, Integer maxLength, String source) {
    this.minLength = minLength;
    this.maxLength = maxLength;
    this.source = source;
    this.pattern = source == null ? null : EcmaFinder.compile(source);
  }

  /**
   * {@return a rule that accepts any string}
   */
  public static StringRule create() {
    return new StringRule(null, null, null);
  }

  /**
   * {@code minLength}.
   *
   * @param value the bound on the length in code points
   * @return this rule
   */
  public StringRule minLength(int value) {
    return new StringRule(value, maxLength, source);
  }

  /**
   * {@code maxLength}.
   *
   * @param value the bound on the length in code points
   * @return this rule
   */
  public StringRule maxLength(int value) {
    return new StringRule(minLength, value, source);
  }

  /**
   * {@code pattern}, a regular expression searched anywhere in the value.
   *
   * @param regex the regular expression, in ECMA-262's syntax and meaning as JSON Schema says
   * @return this rule
   */
  public StringRule pattern(String regex) {
    return new StringRule(minLength, maxLength, regex);
  }

  @Override
  public String read(JsonNode value, Loc at, Problems problems) {
    String text = Read.string(value, at, problems);
    if (text == null) {
      return null;
    }
    // Like Pydantic, only the first failed constraint is reported.
    switch (violation(text)) {
      case TOO_SHORT -> problems.add(at, "string_too_short",
          "String should have at least " + Texts.count(minLength, "character"));
      case TOO_LONG -> problems.add(at, "string_too_long",
          "String should have at most " + Texts.count(maxLength, "character"));
      case NO_MATCH -> problems.add(at, "string_pattern_mismatch",
          "String should match pattern '" + source + "'");
      case NONE -> {
        return text;
      }
    }
    return null;
  }

  @Override
  public String read(JsonParser json) throws IOException {
    String text = Tokens.string(json);
    if (violation(text) != Violation.NONE) {
      throw StreamMiss.INSTANCE;
    }
    return text;
  }

  private enum Violation { NONE, TOO_SHORT, TOO_LONG, NO_MATCH }

  private Violation violation(String text) {
    // A string of n UTF-16 units holds between ceil(n / 2) and n code points: count them only
    // when a bound falls in that range.
    int units = text.length();
    boolean withinMin = minLength == null || (units + 1) / 2 >= minLength;
    boolean withinMax = maxLength == null || units <= maxLength;
    if (!withinMin || !withinMax) {
      int length = text.codePointCount(0, units);
      if (minLength != null && length < minLength) {
        return Violation.TOO_SHORT;
      }
      if (maxLength != null && length > maxLength) {
        return Violation.TOO_LONG;
      }
    }
    if (pattern != null && !pattern.find(text)) {
      return Violation.NO_MATCH;
    }
    return Violation.NONE;
  }
}
