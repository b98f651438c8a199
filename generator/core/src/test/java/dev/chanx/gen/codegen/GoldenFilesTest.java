package dev.chanx.gen.codegen;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.chanx.gen.GeneratedFile;
import dev.chanx.gen.read.SpecReader;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * The chat channel of the tutorial, compared file by file with the expected output under
 * {@code src/test/resources/golden}. Run with {@code -Dchanx.updateGoldens=true} to rewrite the
 * expected files after an intended change, then review the diff.
 */
class GoldenFilesTest {

  private static final Path GOLDEN = Path.of("src/test/resources/golden/tutorial");
  private static final String CHAT = "com/example/chat/";

  @Test
  void tutorialChatChannelMatchesTheGoldenFiles() throws Exception {
    List<GeneratedFile> chat = JavaGenerator.generate(SpecReader.read(SharedSpecs.TUTORIAL, null), "com.example")
        .stream()
        .filter(f -> f.relativePath().startsWith(CHAT))
        .toList();

    if (Boolean.getBoolean("chanx.updateGoldens")) {
      rewrite(chat);
    }
    assertEquals(golden(), chat.stream().map(GeneratedFile::relativePath).toList(), "the files generated");
    for (GeneratedFile file : chat) {
      assertEquals(Files.readString(GOLDEN.resolve(file.relativePath()), StandardCharsets.UTF_8), file.content(),
          file.relativePath());
    }
  }

  private static List<String> golden() throws IOException {
    try (Stream<Path> files = Files.walk(GOLDEN.resolve(CHAT))) {
      return files.filter(Files::isRegularFile).map(p -> GOLDEN.relativize(p).toString().replace('\\', '/'))
          .sorted().toList();
    }
  }

  private static void rewrite(List<GeneratedFile> files) throws IOException {
    Path dir = GOLDEN.resolve(CHAT);
    if (Files.exists(dir)) {
      try (Stream<Path> old = Files.list(dir)) {
        for (Path p : old.toList()) {
          Files.delete(p);
        }
      }
    }
    for (GeneratedFile file : files) {
      Path target = GOLDEN.resolve(file.relativePath());
      Files.createDirectories(target.getParent());
      Files.writeString(target, file.content(), StandardCharsets.UTF_8);
    }
  }
}
