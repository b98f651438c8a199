package dev.chanx.gen.codegen;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code codegen/values.yaml}: frames that are a bare string constant, a bounded integer, a boolean,
 * a pair of numbers and a oneOf of an object and an array, beside a tagged object message, each
 * read as its own message by its JSON type and rules, and written back as it came.
 */
class ValueMessagesTest {

  @TempDir
  static Path workDir;

  static CompiledChannel values;

  @BeforeAll
  static void compile() {
    values = CompiledChannel.of(Path.of("src/test/resources/codegen/values.yaml"), "values", "Values", workDir);
  }

  private static String read(String frame) {
    Object value = values.value(frame);
    return value.getClass().getSimpleName() + " " + CompiledChannel.write(value);
  }

  @Test
  void eachValueIsReadAsTheMessageOfItsTypeAndWrittenBackAsItCame() {
    assertEquals("Hello {\"action\":\"hello\",\"name\":\"ann\"}", read("{\"action\":\"hello\",\"name\":\"ann\"}"));
    assertEquals("Ping \"ping\"", read("\"ping\""));
    assertEquals("Level 7", read("7"));
    assertEquals("Flag false", read("false"));
    assertEquals("Point [1.5,-2.0]", read("[1.5, -2]"));
    assertEquals("Either {\"x\":3}", read("{\"x\": 3}"));
    assertEquals("Either [\"a\",\"b\",\"c\"]", read("[\"a\", \"b\", \"c\"]"));
  }

  @Test
  void aValueThatBreaksItsRulesIsNoMessage() {
    for (String frame : List.of("\"pong\"", "11", "0", "[1, 2, 3]", "[\"a\", \"b\"]", "{\"x\": 3, \"y\": 4}",
        "{\"action\":\"hello\"}")) {
      values.errors(frame);
    }
  }

  @Test
  void theJavaScriptClientRoutesAValueByItsJsonTypeAndAnyValueAlsoAsAnObject() throws Exception {
    var model = dev.chanx.gen.read.SpecReader.read(Path.of("src/test/resources/codegen/values.yaml").toAbsolutePath(),
        null);
    String module = JsClientGenerator.generate(model).get(1).content();
    int start = module.indexOf("const VALUES = ");
    String table = module.substring(start, module.indexOf("});", start));
    assertEquals("""
        const VALUES = Object.freeze({
          address: "ws/values/",
          receives: [
          ],
          keys: [
          ],
          untagged: [
            ["onEither", {"oneOf":[{"type":"object","required":["x"],"properties":{"x":{"type":"integer"}},\
        "additionalProperties":false},{"type":"array","items":{"type":"string"},"minItems":3}]}],
          ],
          defs: {},
          answers: [],
          values: [
            ["string", "onPing"],
            ["any", "onEither"],
          ],
        """, table);
  }
}
