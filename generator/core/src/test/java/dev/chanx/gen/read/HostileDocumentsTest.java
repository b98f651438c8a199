package dev.chanx.gen.read;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.chanx.gen.ChanxGenerator;
import dev.chanx.gen.GeneratedFile;
import dev.chanx.gen.SpecException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Documents built to hurt the reader get a clear problem, never a hang or a stray exception. */
class HostileDocumentsTest {

  private static final Path SEEDS = Path.of(
      "src/test/resources/dev/chanx/gen/fuzz/SpecReaderFuzzTestInputs/anyBytesGiveAModelOrASpecExceptionInTime");

  @Test
  void billionLaughsIsRefusedQuickly() {
    SpecException e = assertTimeoutPreemptively(Duration.ofSeconds(10),
        () -> assertThrows(SpecException.class, () -> SpecReader.read(SEEDS.resolve("billion-laughs.yaml"), null)));
    assertEquals(1, e.problems().size(), e.getMessage());
    assertTrue(e.getMessage().contains("YAML aliases expand to more than 1000000 values"), e.getMessage());
  }

  @Test
  void aNulInARefPathIsAMissingFileNotACrash() {
    SpecException e = assertThrows(SpecException.class,
        () -> SpecReader.read(SEEDS.resolve("nul-in-ref-path.yaml"), null));
    assertTrue(e.getMessage().contains("other\\0.yaml"), e.getMessage());
  }

  @Test
  void aVeryLargeDocumentGeneratesInBoundedTime(@TempDir Path dir) throws Exception {
    // 500 channels with a path parameter, two client messages and a nested payload each.
    StringBuilder yaml = new StringBuilder("asyncapi: 3.0.0\ninfo: {title: big, version: '1'}\nchannels:\n");
    StringBuilder operations = new StringBuilder("operations:\n");
    for (int i = 0; i < 500; i++) {
      yaml.append("  c").append(i).append(":\n    address: /ws/c").append(i).append("/{room}\n")
          .append("    messages:\n")
          .append("      say").append(i).append(":\n        payload: {type: object, properties: {action: {const: say")
          .append(i).append("}, payload: {type: object, properties: {text: {type: string}, n: {type: integer}}}}}\n")
          .append("      ping").append(i).append(":\n        payload: {type: object, properties: {action: {const: ping")
          .append(i).append("}}}\n");
      operations.append("  op").append(i).append(":\n    action: receive\n    channel: {$ref: '#/channels/c").append(i)
          .append("'}\n");
    }
    Path big = dir.resolve("big.yaml");
    Files.writeString(big, yaml.append(operations).toString());
    List<GeneratedFile> files = assertTimeoutPreemptively(Duration.ofSeconds(60),
        () -> ChanxGenerator.generate(big, "com.example", null));
    assertTrue(files.size() > 4000, "files: " + files.size());
  }

  @Test
  void theSeedsExist() {
    assertTrue(Files.isRegularFile(SEEDS.resolve("billion-laughs.yaml")));
  }
}
