package dev.chanx.gen.codegen;

import dev.chanx.gen.GeneratedFile;
import dev.chanx.gen.SharedSpecs;
import dev.chanx.gen.Target;
import dev.chanx.gen.model.ApiModel;
import dev.chanx.gen.read.SpecReader;
import java.nio.file.Path;
import java.util.List;
import java.util.Set;
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

    Goldens.check(GOLDEN.resolve("tutorial"), CHAT, chat);
  }

  @Test
  void tutorialSystemChannelWithItsPushesMatchesTheGoldenFiles() throws Exception {
    List<GeneratedFile> system = JavaGenerator.generate(tutorial(), "com.example")
        .stream()
        .filter(f -> f.relativePath().startsWith(SYSTEM))
        .toList();

    Goldens.check(GOLDEN.resolve("tutorial"), SYSTEM, system);
  }

  @Test
  void tutorialChatJavaClientMatchesTheGoldenFiles() throws Exception {
    List<GeneratedFile> client = JavaGenerator.generate(tutorial(), "com.example",
            Set.of(Target.SERVER, Target.JAVA_CLIENT))
        .stream()
        .filter(f -> CLIENT_FILES.stream().anyMatch(name -> f.relativePath().equals(CHAT + name)))
        .toList();

    Goldens.check(GOLDEN.resolve("tutorial-java-client"), CHAT, client);
  }

  @Test
  void tutorialJavaScriptClientMatchesTheGoldenFiles() throws Exception {
    Goldens.check(GOLDEN.resolve("tutorial-js-client"), "js/", JsClientGenerator.generate(tutorial()));
  }

  private static ApiModel tutorial() throws Exception {
    return SpecReader.read(SharedSpecs.tutorial(), null);
  }
}
