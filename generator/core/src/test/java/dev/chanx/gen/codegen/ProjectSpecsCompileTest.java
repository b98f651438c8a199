package dev.chanx.gen.codegen;

import static org.junit.jupiter.api.Assertions.assertFalse;

import dev.chanx.gen.GeneratedFile;
import dev.chanx.gen.Target;
import dev.chanx.gen.read.SpecReader;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Set;
import java.util.stream.Stream;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The project's own documents (the example's chat, assistants and system), server and Java client,
 * compile with every lint enabled.
 */
class ProjectSpecsCompileTest {

  /** {@code spec/} at the repository root; tests run in generator/core. */
  static Stream<Path> documents() {
    try (Stream<Path> files = Files.list(Path.of("../../spec"))) {
      return files.filter(p -> p.toString().endsWith(".yaml")).sorted().toList().stream();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("documents")
  void generatesJavaThatCompilesWithoutWarnings(Path document, @TempDir Path dir) throws Exception {
    List<GeneratedFile> files = JavaGenerator.generate(SpecReader.read(document, null), "com.example",
        Set.of(Target.SERVER, Target.JAVA_CLIENT));

    assertFalse(files.isEmpty());
    InMemoryJavac.compile(files, dir);
  }
}
