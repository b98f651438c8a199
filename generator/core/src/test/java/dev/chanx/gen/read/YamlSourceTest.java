package dev.chanx.gen.read;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import com.fasterxml.jackson.databind.JsonNode;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Parsing keeps the line of every pointer, so that each problem can name it. */
class YamlSourceTest {

  @TempDir
  Path dir;

  @Test
  void recordsTheLineOfFieldsAndArrayElements() throws Exception {
    SourceDoc doc = parse("a.yaml", "asyncapi: 3.0.0\nchannels:\n  chat:\n    tags:\n      - name: x\n      - name: y\n");
    assertEquals(1, doc.lines().line("/asyncapi"));
    assertEquals(3, doc.lines().line("/channels/chat"));
    assertEquals(6, doc.lines().line("/channels/chat/tags/1"));
    assertEquals(6, doc.lines().line("/channels/chat/tags/1/name"));
    assertEquals(3, doc.lines().line("/channels/chat/address"), "a missing field: the line of its parent");
  }

  @Test
  void recordsLinesOfJsonToo() throws Exception {
    SourceDoc doc = parse("a.json", "{\n  \"a\": {\n    \"b/c\": 1.50\n  }\n}\n");
    assertEquals(3, doc.lines().line("/a/b~1c"));
    assertEquals("1.50", doc.root().at("/a/b~1c").decimalValue().toPlainString(), "decimals stay exact");
  }

  @Test
  void refusesDuplicateKeys() {
    YamlSource.SyntaxError e = assertThrows(YamlSource.SyntaxError.class,
        () -> parse("a.yaml", "a: 1\nb: 2\na: 3\n"));
    assertEquals("duplicate key 'a'", e.getMessage());
    assertEquals(3, e.line);
  }

  @Test
  void expandsAnchorsAliasesAndMergeKeys() throws Exception {
    SourceDoc doc = YamlSource.parse(Fixtures.path("yaml-anchors.yaml"), "yaml-anchors.yaml", true);
    JsonNode say = doc.root().at("/channels/chat/messages/say/payload");
    assertEquals("object", say.get("type").asText(), "merged from *frame");
    assertEquals("Say", say.get("title").asText(), "the object's own key wins over the merged one");
    assertEquals(say, doc.root().at("/channels/chat/messages/say_again/payload"));
    assertEquals(19, doc.lines().line("/channels/chat/messages/say_again/payload/properties"),
        "inside an alias: the alias's line");
  }

  @Test
  void acceptsJsonThatTheOfficialParserAcceptsAsYaml() {
    assertEquals("ws/chat/", Fixtures.read("json-trailing-comma.json").channels().get(0).address());
  }

  private SourceDoc parse(String name, String text) throws Exception {
    Path file = dir.resolve(name);
    Files.writeString(file, text);
    return YamlSource.parse(file, name, true);
  }
}
