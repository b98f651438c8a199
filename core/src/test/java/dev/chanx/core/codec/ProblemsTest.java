package dev.chanx.core.codec;

import static dev.chanx.core.codec.Frames.error;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.chanx.core.message.Decoded;
import java.util.List;
import org.junit.jupiter.api.Test;

class ProblemsTest {

  @Test
  void emptyUntilTheFirstProblem() {
    Problems problems = new Problems();

    assertTrue(problems.isEmpty());
    assertSame(List.of(), problems.errors());
  }

  @Test
  void keepsProblemsInTheOrderFoundAndCanForgetTheLatest() {
    Problems problems = new Problems();
    problems.add(Loc.of("m").key("a"), "missing", "Field required");
    int mark = problems.count();
    problems.add(Loc.of("m").key("b"), "string_type", "Input should be a valid string");
    problems.add(Loc.root(), "x", "y");
    problems.truncate(mark);

    assertEquals(List.of(error("missing", "Field required", "m", "a")), problems.errors());
  }

  @Test
  void decodedIsValidOnlyWithoutProblems() {
    Problems problems = new Problems();
    Decoded<String> valid = problems.decoded("ping", "value");
    problems.add(Loc.of("ping"), "t", "m");
    Decoded<String> invalid = problems.decoded("ping", null);

    assertEquals("value", valid.value());
    assertEquals("ping", invalid.tag());
    assertEquals(List.of(error("t", "m", "ping")), invalid.errors());
  }
}
