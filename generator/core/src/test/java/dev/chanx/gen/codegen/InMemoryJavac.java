package dev.chanx.gen.codegen;

import static org.junit.jupiter.api.Assertions.fail;

import dev.chanx.gen.GeneratedFile;
import java.io.IOException;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.net.MalformedURLException;
import java.net.URL;
import java.net.URLClassLoader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import javax.tools.DiagnosticCollector;
import javax.tools.JavaCompiler;
import javax.tools.JavaFileObject;
import javax.tools.StandardJavaFileManager;
import javax.tools.ToolProvider;

/**
 * Compiles generated files with javax.tools against the test classpath (so against the runtime
 * module), with every lint warning an error, and loads the result.
 */
public final class InMemoryJavac {

  private InMemoryJavac() {}

  /** Compiles the files into {@code dir}, failing the test with every diagnostic if javac complains. */
  public static ClassLoader compile(List<GeneratedFile> files, Path dir) {
    String errors = errors(files, dir);
    if (errors != null) {
      fail(errors);
    }
    try {
      return new URLClassLoader(new URL[] {dir.resolve("classes").toUri().toURL()},
          InMemoryJavac.class.getClassLoader());
    } catch (MalformedURLException e) {
      throw new IllegalStateException(e);
    }
  }

  /** Compiles the files into {@code dir}; {@return null, or javac's complaints when it has any} */
  public static String errors(List<GeneratedFile> files, Path dir) {
    try {
      Path sources = dir.resolve("src");
      Path classes = dir.resolve("classes");
      Files.createDirectories(classes);
      List<Path> paths = new ArrayList<>();
      for (GeneratedFile file : files) {
        Path path = sources.resolve(file.relativePath());
        Files.createDirectories(path.getParent());
        Files.writeString(path, file.content(), StandardCharsets.UTF_8);
        paths.add(path);
      }
      JavaCompiler javac = ToolProvider.getSystemJavaCompiler();
      DiagnosticCollector<JavaFileObject> diagnostics = new DiagnosticCollector<>();
      StringWriter output = new StringWriter();
      try (StandardJavaFileManager fileManager =
          javac.getStandardFileManager(diagnostics, Locale.ROOT, StandardCharsets.UTF_8)) {
        List<String> options = List.of("--release", "17", "-Xlint:all", "-Werror", "-proc:none",
            "-encoding", "UTF-8", "-classpath", System.getProperty("java.class.path"),
            "-d", classes.toString());
        boolean ok = javac.getTask(output, fileManager, diagnostics, options, null,
            fileManager.getJavaFileObjectsFromPaths(paths)).call();
        if (!ok || !diagnostics.getDiagnostics().isEmpty()) {
          StringBuilder report = new StringBuilder("javac failed:\n").append(output);
          diagnostics.getDiagnostics().forEach(d -> report.append(d).append('\n'));
          return report.toString();
        }
      }
      return null;
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
