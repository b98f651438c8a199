package dev.chanx.server;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectReader;
import org.junit.jupiter.api.Test;

class ParseFailureTest {

  private static final Limits LIMITS = Limits.DEFAULTS.withMaxJsonDepth(3).withMaxStringLength(5).withMaxNumberLength(4);
  private static final ObjectReader READER = Json.treeReader(LIMITS);

  private static ParseFailure failure(String text) {
    return ParseFailure.of(assertThrows(JsonProcessingException.class, () -> READER.readTree(text)), LIMITS);
  }

  @Test
  void limitsAreNamedInOurWordsWithoutEchoingTheFrame() {
    assertEquals(new ParseFailure(Violation.TOO_DEEP, "nested deeper than 3 levels"), failure("{\"a\":[[[1]]]}"));
    assertEquals(new ParseFailure(Violation.STRING_TOO_LONG, "a string or key longer than 5 characters"),
        failure("{\"a\":\"secret\"}"));
    assertEquals(Violation.STRING_TOO_LONG, failure("{\"secret\":1}").kind());
    assertEquals(new ParseFailure(Violation.NUMBER_TOO_LONG, "a number longer than 4 digits"), failure("{\"a\":12345}"));
  }

  @Test
  void duplicateKeysAndSyntaxErrorsSayWhere() {
    ParseFailure duplicate = failure("{\"a\":1,\"a\":2}");
    assertEquals(Violation.DUPLICATE_KEY, duplicate.kind());
    assertTrue(duplicate.msg().startsWith("Duplicate field 'a'"), duplicate.msg());
    ParseFailure syntax = failure("{\"a\" 1}");
    assertEquals(Violation.NOT_JSON, syntax.kind());
    assertTrue(syntax.msg().endsWith("at line 1 column 6"), syntax.msg());
  }

  @Test
  void aLongMessageIsCutWithoutSplittingASurrogatePair() {
    ParseFailure cut = failure("{\"a\":" + "\ud83d\ude00".repeat(200) + "}");
    assertFalse(Surrogates.hasLone(cut.msg()), cut.msg());
    assertTrue(cut.msg().length() < 200, cut.msg());
  }
}
