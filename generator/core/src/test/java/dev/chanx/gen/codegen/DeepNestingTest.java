package dev.chanx.gen.codegen;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.chanx.core.message.ValidationError;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A payload nested 120 objects deep still gives short type names, code that compiles and exact errors. */
class DeepNestingTest {

  private static final Path DOCUMENT = Path.of("src/test/resources/codegen/deep-nesting.json");

  @TempDir Path work;

  @Test
  void deepPayloadsCompileWithBoundedNamesAndValidateToTheLeaf() {
    CompiledChannel deep = CompiledChannel.of(DOCUMENT, "deep", "Deep", work);
    StringBuilder frame = new StringBuilder("{\"action\":\"dig\",\"payload\":");
    StringBuilder close = new StringBuilder("}");
    for (int i = 119; i >= 0; i--) {
      frame.append("{\"level").append(i).append("\":");
      close.append('}');
    }
    String valid = frame + "{\"leaf\":\"found\"}" + close;
    Object value = deep.value(valid);
    assertTrue(value.getClass().getSimpleName().length() <= Names.MAX_TYPE_NAME);

    List<ValidationError> errors = deep.errors(frame + "{}" + close);
    assertEquals(1, errors.size());
    assertEquals("missing", errors.get(0).type());
    assertEquals(123, errors.get(0).loc().size(), "dig, payload, 120 levels, leaf");
    assertEquals("leaf", errors.get(0).loc().get(122));
  }
}
