package dev.chanx.core.codec;

import static dev.chanx.core.codec.Frames.error;
import static dev.chanx.core.codec.Frames.errors;
import static dev.chanx.core.codec.Frames.json;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import org.junit.jupiter.api.Test;

class StringRuleTest {

  @Test
  void lengthsCountCodePointsAndSayCharacterOrCharacters() {
    assertEquals(List.of(error("string_too_short", "String should have at least 1 character", "m")),
        errors(StringRule.create().minLength(1), json("\"\"")));
    assertEquals(List.of(), errors(StringRule.create().maxLength(1), json("\"\uD83D\uDE00\"")));
    assertEquals(List.of(error("string_too_long", "String should have at most 1 character", "m")),
        errors(StringRule.create().maxLength(1), json("\"ab\"")));
  }

  @Test
  void codePointsAreCountedWheneverTheUnitsLeaveABoundInDoubt() {
    String one = "\"\uD83D\uDE00\"";
    String two = "\"\uD83D\uDE00\uD83D\uDE00\"";
    assertEquals(List.of(error("string_too_short", "String should have at least 2 characters", "m")),
        errors(StringRule.create().minLength(2), json(one)));
    assertEquals(List.of(), errors(StringRule.create().minLength(2).maxLength(2), json(two)));
    assertEquals(List.of(error("string_too_long", "String should have at most 1 character", "m")),
        errors(StringRule.create().maxLength(1), json("\"\uD83D\uDE00a\"")));
    assertEquals(List.of(), errors(StringRule.create().minLength(1).maxLength(3), json("\"abc\"")));
  }

  @Test
  void patternIsSearchedNotMatchedWhole() {
    StringRule rule = StringRule.create().pattern("[0-9]{2}");

    assertEquals(List.of(), errors(rule, json("\"a12b\"")));
    assertEquals(List.of(error("string_pattern_mismatch", "String should match pattern '[0-9]{2}'", "m")),
        errors(rule, json("\"a1b\"")));
  }

  @Test
  void onlyTheFirstFailureIsReported() {
    assertEquals(List.of(error("string_too_short", "String should have at least 3 characters", "m")),
        errors(StringRule.create().minLength(3).pattern("^[a-z]+$"), json("\"A\"")));
    assertEquals(List.of(error("string_type", "Input should be a valid string", "m")),
        errors(StringRule.create().minLength(3), json("12")));
  }
}
