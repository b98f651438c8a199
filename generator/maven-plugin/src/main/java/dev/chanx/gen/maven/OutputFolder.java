package dev.chanx.gen.maven;

import dev.chanx.gen.ChanxGenerator;
import dev.chanx.gen.GeneratedFile;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;
import java.util.stream.Stream;

/**
 * Writes the generated files and removes the generated files left from an earlier run: Java
 * sources anywhere, and the JavaScript client and its declarations under {@code js/}.
 */
final class OutputFolder {

  private OutputFolder() {}

  static void replaceContents(Path outputDirectory, List<GeneratedFile> files) throws IOException {
    Set<Path> keep = new HashSet<>(ChanxGenerator.write(files, outputDirectory));
    if (!Files.isDirectory(outputDirectory)) {
      return;
    }
    List<Path> stale;
    try (Stream<Path> existing = Files.walk(outputDirectory)) {
      stale = existing.filter(p -> isGenerated(outputDirectory, p) && !keep.contains(p))
          .collect(Collectors.toList());
    }
    for (Path file : stale) {
      Files.delete(file);
    }
  }

  private static boolean isGenerated(Path outputDirectory, Path file) {
    String name = file.getFileName().toString();
    return name.endsWith(".java")
        || file.getParent().equals(outputDirectory.resolve("js")) && (name.endsWith(".js") || name.endsWith(".d.ts"));
  }
}
