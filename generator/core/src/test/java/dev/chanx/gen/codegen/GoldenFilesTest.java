package dev.chanx.gen.codegen;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.chanx.gen.GeneratedFile;
import dev.chanx.gen.SharedSpecs;
import dev.chanx.gen.Target;
import dev.chanx.gen.model.ApiModel;
import dev.chanx.gen.read.SpecReader;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Set;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * The chat and system channels of the tutorial, compared file by file with the expected output
 * under {@code src/test/resources/golden}: the server's files (with the system channel's publisher
 * and events), the Java client's own files, and the JavaScript client. Run with
 * {@code -Dchanx.updateGoldens=true} to rewrite the expected files after an intended change, then
 * review the diff.
 */
class GoldenFilesTest {

  private static final Path GOLDEN = Path.of("src/test/resources/golden");
  private static final String CHAT = "com/example/chat/";
  private static final String SYSTEM = "com/example/system/";
  private static final List<String> CLIENT_FILES = List.of("ChatClient.java", "ChatListener.java",
      "ChatServerMessageDecoder.java", "ChatReader.java");

  @Test
  void tutorialChatChannelMatchesTheGoldenFiles() throws Exception {
    List<GeneratedFile> chat = JavaGenerator.generate(tutorial(), "com.example")
        .stream()
        .filter(f -> f.relativePath().startsWith(CHAT))
        .toList();

    check(GOLDEN.resolve("tutorial"), CHAT, chat);
  }

  @Test
  void tutorialSystemChannelWithItsPushesMatchesTheGoldenFiles() throws Exception {
    List<GeneratedFile> system = JavaGenerator.generate(tutorial(), "com.example")
        .stream()
        .filter(f -> f.relativePath().startsWith(SYSTEM))
        .toList();

    check(GOLDEN.resolve("tutorial"), SYSTEM, system);
  }

  @Test
  void tutorialChatJavaClientMatchesTheGoldenFiles() throws Exception {
    List<GeneratedFile> client = JavaGenerator.generate(tutorial(), "com.example",
            Set.of(Target.SERVER, Target.JAVA_CLIENT))
        .stream()
        .filter(f -> CLIENT_FILES.stream().anyMatch(name -> f.relativePath().equals(CHAT + name)))
        .toList();

    check(GOLDEN.resolve("tutorial-java-client"), CHAT, client);
  }

  @Test
  void tutorialJavaScriptClientMatchesTheGoldenFiles() throws Exception {
    check(GOLDEN.resolve("tutorial-js-client"), "js/", JsClientGenerator.generate(tutorial()));
  }

  private static ApiModel tutorial() throws Exception {
    return SpecReader.read(SharedSpecs.tutorial(), null);
  }

  private static void check(Path root, String folder, List<GeneratedFile> files) throws IOException {
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
