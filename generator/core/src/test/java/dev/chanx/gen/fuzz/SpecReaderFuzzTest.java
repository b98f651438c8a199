package dev.chanx.gen.fuzz;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;

import com.code_intelligence.jazzer.junit.FuzzTest;
import dev.chanx.gen.SpecException;
import dev.chanx.gen.read.SpecReader;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;

/**
 * The document loader fed any bytes as a file: it returns a model or throws SpecException with
 * at least one problem; anything else (another exception, a stack overflow, a hang) is a bug.
 *
 * <p>Seeds: {@code SpecReaderFuzzTestInputs/<method>/} beside this class in the test resources.
 * {@code mvn test} replays them; {@code JAZZER_FUZZ=1} fuzzes (see the README).
 */
class SpecReaderFuzzTest {

  /** Longer than any real document takes, short enough to report a hang as one. */
  private static final Duration HANG = Duration.ofSeconds(10);
  private static final Path DOCUMENT = newDocument();

  // No JUnit @Timeout here: in fuzzing mode it would bound the whole session, not one input.
  @FuzzTest(maxDuration = "5m")
  void anyBytesGiveAModelOrASpecExceptionInTime(byte[] input) throws Throwable {
    Files.write(DOCUMENT, input);
    Bounded.run(HANG, () -> {
      try {
        assertNotNull(SpecReader.read(DOCUMENT, null));
      } catch (SpecException expected) {
        assertFalse(expected.problems().isEmpty());
      }
    });
  }

  private static Path newDocument() {
    try {
      Path dir = Files.createTempDirectory("chanx-fuzz-");
      dir.toFile().deleteOnExit();
      Path document = dir.resolve("asyncapi.yaml");
      document.toFile().deleteOnExit();
      return document;
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
