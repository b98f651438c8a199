package dev.chanx.gen.codegen;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.chanx.gen.GeneratedFile;
import dev.chanx.gen.SharedSpecs;
import dev.chanx.gen.model.ApiModel;
import dev.chanx.gen.read.SpecReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/** The JavaScript client of every reference document: named from its title, stable, and loadable by Node. */
class JsClientGeneratorTest {

  static Stream<Path> documents() {
    return SharedSpecs.documents();
  }

  @Test
  void theModuleIsNamedAfterTheTitleInKebabCase() {
    assertEquals("chanx-chat", JsClientGenerator.fileName("Chanx Chat"));
    assertEquals("gemini-market-data-websocket-api", JsClientGenerator.fileName("Gemini Market Data Websocket API"));
    assertEquals("asyncapi", JsClientGenerator.fileName("  "));
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("documents")
  void everyDocumentGivesAModuleThatNodeChecksAndImports(Path document, @TempDir Path dir) throws Exception {
    SharedSpecs.assumePresent();
    ApiModel model = SpecReader.read(document, null);
    List<GeneratedFile> files = JsClientGenerator.generate(model);
    assertEquals(files, JsClientGenerator.generate(SpecReader.read(document, null)), "same document, same bytes");
    String name = JsClientGenerator.fileName(model.title());
    assertEquals(List.of("js/" + name + ".d.ts", "js/" + name + ".js"),
        files.stream().map(GeneratedFile::relativePath).toList());

    Assumptions.assumeTrue(NodeProcess.available(), "node is not installed");
    Path module = dir.resolve(files.get(1).relativePath());
    Files.createDirectories(module.getParent());
    Files.writeString(module, files.get(1).content(), StandardCharsets.UTF_8);
    assertEquals("", NodeProcess.run(Map.of(), "--check", module.toString()));
    // Importing runs the module's top level, which must not need a browser; the exports are listed.
    String exports = NodeProcess.run(Map.of(), "--input-type=module", "-e",
        "const m = await import(" + JsSource.string(module.toUri().toString()) + ");"
            + " console.log(Object.keys(m).sort().join(' '));");
    for (var channel : model.channels()) {
      String prefix = Names.upperCamel(channel.key(), "Channel");
      assertTrue(exports.contains("connect" + prefix), exports);
    }
    assertTrue(exports.contains("ChanxError"), exports);
  }
}
