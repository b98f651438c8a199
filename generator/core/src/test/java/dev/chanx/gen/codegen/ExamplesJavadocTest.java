package dev.chanx.gen.codegen;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.chanx.gen.GeneratedFile;
import dev.chanx.gen.SharedSpecs;
import dev.chanx.gen.read.SpecReader;
import java.util.List;
import org.junit.jupiter.api.Test;

class ExamplesJavadocTest {

  private static final ObjectMapper JSON = new ObjectMapper();

  @Test
  void messageExamplesAreShownInTheRecordsJavadoc() throws Exception {
    List<GeneratedFile> files = JavaGenerator.generate(
        SpecReader.read(SharedSpecs.path("peers/kraken-request-reply-multiple-channels.yml").toAbsolutePath(),
            null), "com.example");
    assertTrue(files.stream().anyMatch(f -> f.content().contains("<pre>{@code")), "the union of a message with examples shows them");
  }

  @Test
  void examplesArePrettyPrintedInDocumentOrderAndAtMostThree() throws Exception {
    JsonNode a = JSON.readTree("{\"b\":1,\"a\":[1,2]}");
    String doc = Docs.examples(List.of(a, a, a, a));
    assertEquals(3, doc.split("<pre>", -1).length - 1);
    assertTrue(doc.contains("<pre>{@code\n{\n  \"b\" : 1,\n  \"a\" : [\n    1,\n    2\n  ]\n}\n}</pre>"), doc);
  }

  @Test
  void textThatCouldBreakTheTagOrTheCommentIsEscaped() throws Exception {
    String doc = Docs.examples(List.of(JSON.readTree("{\"x\":\"}*/ @me \\\\u0041\"}")));
    assertFalse(doc.contains("{@code"), doc);
    assertFalse(doc.contains("*/"), doc);
    assertFalse(doc.contains("@"), doc);
    assertFalse(doc.contains("\\"), doc);
    assertTrue(doc.contains("<pre>\n&#123;"), doc);
    assertEquals("", Docs.examples(List.of()));
  }
}
