package dev.chanx.gen.codegen;

import static org.junit.jupiter.api.Assertions.assertFalse;

import dev.chanx.gen.GeneratedFile;
import dev.chanx.gen.SharedSpecs;
import dev.chanx.gen.read.SpecReader;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/** Every reference document generates Java that compiles cleanly with every lint enabled. */
class ReferenceDocumentsCompileTest {

  static Stream<Path> documents() {
    return SharedSpecs.documents();
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("documents")
  void generatesJavaThatCompilesWithoutWarnings(Path document, @TempDir Path dir) throws Exception {
    SharedSpecs.assumePresent();
    List<GeneratedFile> files = JavaGenerator.generate(SpecReader.read(document, null), "com.example.api");

    assertFalse(files.isEmpty());
    InMemoryJavac.compile(files, dir);
  }
}
