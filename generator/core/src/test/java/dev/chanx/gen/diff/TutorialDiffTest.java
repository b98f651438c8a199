package dev.chanx.gen.diff;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;

/**
 * The diff the tutorial page "Evolving a document safely" and docs/reference/diff.md show, kept
 * as files they include: the text and the JSON of the tutorial's chat 1.0 against 1.1.
 * {@code -Dchanx.updateDocs=true} rewrites them.
 */
class TutorialDiffTest {

  private static final Path DIR = Path.of("src/test/resources/diff-tutorial");

  private static void check(String file, String actual) throws IOException {
    Path path = DIR.resolve(file);
    if (Boolean.getBoolean("chanx.updateDocs")) {
      Files.writeString(path, actual, StandardCharsets.UTF_8);
    }
    assertEquals(Files.exists(path) ? Files.readString(path, StandardCharsets.UTF_8) : "", actual,
        file + " differs from the diff; rerun with -Dchanx.updateDocs=true and review the pages that include it");
  }

  @Test
  void theTutorialsDiffIsTheOneItShows() throws Exception {
    DiffReport report = CompatibilityDiff.compare(DIR.resolve("chat-1.0.yaml"), DIR.resolve("chat-1.1.yaml"),
        DiffOptions.defaults());
    check("chat-1.1.diff.txt", TextRenderer.render(report, DiffReport.allAudiences()));
    check("chat-1.1.diff.json", JsonRenderer.render(report, Audience.parse("clients,api")));
  }
}
