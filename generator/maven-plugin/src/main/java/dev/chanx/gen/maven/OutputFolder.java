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

/** Writes the generated files and removes Java files left from an earlier document. */
final class OutputFolder {

  private OutputFolder() {}

  static void replaceContents(Path outputDirectory, List<GeneratedFile> files) throws IOException {
    Set<Path> keep = new HashSet<>(ChanxGenerator.write(files, outputDirectory));
    List<Path> stale;
    try (Stream<Path> existing = Files.walk(outputDirectory)) {
      stale = existing.filter(p -> p.toString().endsWith(".java") && !keep.contains(p))
          .collect(Collectors.toList());
    }
    for (Path file : stale) {
      Files.delete(file);
    }
  }
}
