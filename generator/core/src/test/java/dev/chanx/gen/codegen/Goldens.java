package dev.chanx.gen.codegen;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.chanx.gen.GeneratedFile;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;

/**
 * Generated files compared with the expected ones checked in under a root folder, file by file;
 * {@code -Dchanx.updateGoldens=true} rewrites the expected files first, for a change meant.
 */
final class Goldens {

  private Goldens() {}

  /** Checks that {@code folder} under {@code root} holds exactly {@code files}, byte for byte. */
  static void check(Path root, String folder, List<GeneratedFile> files) throws IOException {
    if (Boolean.getBoolean("chanx.updateGoldens")) {
      rewrite(root, folder, files);
    }
    assertEquals(golden(root, folder), files.stream().map(GeneratedFile::relativePath).toList(), "the files generated");
    for (GeneratedFile file : files) {
      assertEquals(Files.readString(root.resolve(file.relativePath()), StandardCharsets.UTF_8), file.content(),
          file.relativePath());
    }
  }

  private static List<String> golden(Path root, String folder) throws IOException {
    try (Stream<Path> files = Files.walk(root.resolve(folder))) {
      return files.filter(Files::isRegularFile).map(p -> root.relativize(p).toString().replace('\\', '/'))
          .sorted().toList();
    }
  }

  private static void rewrite(Path root, String folder, List<GeneratedFile> files) throws IOException {
    Path dir = root.resolve(folder);
    if (Files.exists(dir)) {
      try (Stream<Path> old = Files.list(dir)) {
        for (Path p : old.toList()) {
          Files.delete(p);
        }
      }
    }
    for (GeneratedFile file : files) {
      Path target = root.resolve(file.relativePath());
      Files.createDirectories(target.getParent());
      Files.writeString(target, file.content(), StandardCharsets.UTF_8);
    }
  }
}
