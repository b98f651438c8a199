package dev.chanx.gen.read;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.chanx.gen.SpecException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import org.junit.jupiter.api.Test;

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
  void theSeedsExist() {
    assertTrue(Files.isRegularFile(SEEDS.resolve("billion-laughs.yaml")));
  }
}
