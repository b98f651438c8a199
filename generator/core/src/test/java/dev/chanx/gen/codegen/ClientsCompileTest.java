package dev.chanx.gen.codegen;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.chanx.gen.GeneratedFile;
import dev.chanx.gen.SharedSpecs;
import dev.chanx.gen.Target;
import dev.chanx.gen.read.SpecReader;
import java.nio.file.Path;
import java.util.List;
import java.util.Set;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/** The Java client of every reference document compiles with every lint, beside the server and alone. */
class ClientsCompileTest {

  static Stream<Path> documents() {
    return SharedSpecs.documents();
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("documents")
  void serverAndClientCompileTogether(Path document, @TempDir Path dir) throws Exception {
    SharedSpecs.assumePresent();
    List<GeneratedFile> files = JavaGenerator.generate(SpecReader.read(document, null), "com.example.api",
        Set.of(Target.SERVER, Target.JAVA_CLIENT));

    assertTrue(files.stream().anyMatch(f -> f.relativePath().endsWith("Client.java")));
    InMemoryJavac.compile(files, dir);
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("documents")
  void theClientCompilesWithoutTheServer(Path document, @TempDir Path dir) throws Exception {
    SharedSpecs.assumePresent();
    List<GeneratedFile> files = JavaGenerator.generate(SpecReader.read(document, null), "com.example.api",
        Set.of(Target.JAVA_CLIENT));

    assertFalse(files.stream().anyMatch(f -> f.relativePath().endsWith("Dispatcher.java")
        || f.relativePath().endsWith("Handler.java") || f.relativePath().endsWith("Route.java")));
    assertFalse(files.stream().anyMatch(f -> f.content().contains("Handler#")), "no link to a handler not generated");
    InMemoryJavac.compile(files, dir);
  }

  @Test
  void addingTheClientLeavesEveryServerFileButTheReaderAndSchemasAsTheyWere() throws Exception {
    for (Path document : SharedSpecs.all()) {
      var model = SpecReader.read(document, null);
      List<GeneratedFile> server = JavaGenerator.generate(model, "com.example");
      List<GeneratedFile> both = JavaGenerator.generate(model, "com.example", Set.of(Target.SERVER, Target.JAVA_CLIENT));

      // The reader and the compiled schemas also hold what the server sends, for the client to read.
      List<GeneratedFile> sameAsServer = both.stream()
          .filter(f -> server.stream().anyMatch(s -> s.relativePath().equals(f.relativePath())))
          .filter(f -> !readsMessages(f))
          .toList();
      assertEquals(server.stream().filter(f -> !readsMessages(f)).toList(), sameAsServer,
          document.toString());
    }
  }

  private static boolean readsMessages(GeneratedFile file) {
    return file.relativePath().endsWith("Reader.java") || file.relativePath().endsWith("Schemas.java");
  }
}
