package dev.chanx.gen.codegen;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

import dev.chanx.gen.GeneratedFile;
import dev.chanx.gen.SharedSpecs;
import dev.chanx.gen.Target;
import dev.chanx.gen.read.SpecReader;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.stream.Stream;
import javax.tools.Diagnostic;
import javax.tools.DiagnosticCollector;
import javax.tools.DocumentationTool;
import javax.tools.JavaFileObject;
import javax.tools.StandardJavaFileManager;
import javax.tools.ToolProvider;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The Javadoc of what is generated (server and Java client) for the tutorial's documents and for
 * every reference document under {@code shared/specs} builds without a warning under doclint, every
 * group included: each generated member carries its {@code @param}, {@code @return} and
 * {@code @throws} tags.
 */
class GeneratedJavadocTest {

  static Stream<Path> tutorialDocuments() {
    return Stream.of("chat", "assistants", "system")
        .map(name -> Path.of("../../spec/" + name + ".asyncapi.yaml"))
        .filter(Files::isRegularFile);
  }

  static Stream<Path> referenceDocuments() {
    return SharedSpecs.documents();
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("tutorialDocuments")
  void javadocOfTheCodeGeneratedForTheTutorialHasNoWarning(Path document, @TempDir Path dir) throws Exception {
    checkJavadoc(document, dir);
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("referenceDocuments")
  void javadocOfTheCodeGeneratedForAReferenceDocumentHasNoWarning(Path document, @TempDir Path dir) throws Exception {
    SharedSpecs.assumePresent();
    checkJavadoc(document, dir);
  }

  private static void checkJavadoc(Path document, Path dir) throws Exception {
    List<GeneratedFile> files = JavaGenerator.generate(SpecReader.read(document, null), "com.example",
        Set.of(Target.SERVER, Target.JAVA_CLIENT));
    assertFalse(files.isEmpty());
    List<Path> sources = new ArrayList<>();
    for (GeneratedFile file : files) {
      Path source = dir.resolve("src").resolve(file.relativePath());
      Files.createDirectories(source.getParent());
      Files.writeString(source, file.content(), StandardCharsets.UTF_8);
      sources.add(source);
    }

    DocumentationTool javadoc = ToolProvider.getSystemDocumentationTool();
    DiagnosticCollector<JavaFileObject> diagnostics = new DiagnosticCollector<>();
    StringWriter out = new StringWriter();
    try (StandardJavaFileManager fileManager =
        javadoc.getStandardFileManager(diagnostics, Locale.ROOT, StandardCharsets.UTF_8)) {
      javadoc.getTask(out, fileManager, diagnostics, null,
          List.of("-Xdoclint:all", "-quiet", "-encoding", "UTF-8",
              "-classpath", System.getProperty("java.class.path"), "-d", dir.resolve("doc").toString()),
          fileManager.getJavaFileObjectsFromPaths(sources)).call();
    }

    List<String> problems = diagnostics.getDiagnostics().stream()
        .filter(d -> d.getKind() != Diagnostic.Kind.NOTE && d.getKind() != Diagnostic.Kind.OTHER)
        .map(d -> (d.getSource() == null ? "" : dir.resolve("src").relativize(Path.of(d.getSource().toUri()))
            + ":" + d.getLineNumber() + ": ") + d.getKind() + ": " + d.getMessage(Locale.ROOT))
        .toList();
    assertEquals(List.of(), problems, out.toString());
  }
}
