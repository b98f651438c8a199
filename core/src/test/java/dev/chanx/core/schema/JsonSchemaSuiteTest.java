package dev.chanx.core.schema;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.json.JsonMapper;
import dev.chanx.core.codec.Loc;
import dev.chanx.core.codec.Problems;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;

/**
 * The official JSON Schema Test Suite (draft-07), read in place from the shared corpus beside the
 * repository: every case of {@code draft7/} must be right (apart from the refused ones, listed),
 * and the optional format cases of {@code draft7-format/} are scored.
 */
class JsonSchemaSuiteTest {

  /** Schemas keep exact decimals, as the generator reads documents. */
  private static final ObjectMapper SCHEMAS =
      JsonMapper.builder().enable(DeserializationFeature.USE_BIG_DECIMAL_FOR_FLOATS).build();
  /** Instances are read as the frame pipeline reads frames. */
  private static final ObjectMapper INSTANCES = new ObjectMapper();

  /** The tally of one folder. */
  private static final class Score {
    int total;
    int right;
    final List<String> refused = new ArrayList<>();
    final List<String> wrong = new ArrayList<>();
  }

  @Test
  void draft7() throws IOException {
    Score score = run("draft7");
    System.out.println("draft7: " + score.right + " right, " + score.refused.size() + " refused of " + score.total);
    score.refused.forEach(r -> System.out.println("  refused: " + r));
    assertEquals(List.of(), score.wrong);
  }

  @Test
  void draft7Formats() throws IOException {
    Score score = run("draft7-format");
    System.out.println("draft7-format: " + score.right + " right of " + score.total);
    score.wrong.forEach(w -> System.out.println("  wrong: " + w));
    assertTrue(score.right >= 622, "draft7-format: " + score.right + " right of " + score.total + ", want 622");
  }

  private static Score run(String folder) throws IOException {
    Path dir = corpus().resolve(folder);
    Score score = new Score();
    List<Path> files;
    try (Stream<Path> listing = Files.list(dir)) {
      files = listing.filter(p -> p.toString().endsWith(".json")).sorted().toList();
    }
    for (Path file : files) {
      JsonNode groups = SCHEMAS.readTree(file.toFile());
      JsonNode instances = INSTANCES.readTree(file.toFile());
      for (int g = 0; g < groups.size(); g++) {
        run(file.getFileName() + " / " + groups.get(g).get("description").asText(), groups.get(g),
            instances.get(g).get("tests"), score);
      }
    }
    return score;
  }

  private static void run(String group, JsonNode spec, JsonNode tests, Score score) {
    JsonSchema schema;
    try {
      schema = SuiteSchemas.translate(spec.get("schema"));
    } catch (SuiteSchemas.Refused | IllegalArgumentException e) {
      score.total += tests.size();
      tests.forEach(t -> score.refused.add(group + " / " + t.get("description").asText() + ": " + e.getMessage()));
      return;
    }
    for (JsonNode test : tests) {
      score.total++;
      String name = group + " / " + test.get("description").asText();
      boolean expected = test.get("valid").booleanValue();
      Problems problems = new Problems();
      boolean accepted = schema.accepts(test.get("data"));
      boolean validated = schema.validate(test.get("data"), Loc.root(), problems);
      if (accepted != validated || problems.isEmpty() != validated) {
        score.wrong.add(name + ": accepts " + accepted + ", validate " + validated + " " + problems.errors());
      } else if (accepted != expected) {
        score.wrong.add(name + ": " + (expected ? "rejected valid " : "accepted invalid ") + test.get("data")
            + " " + problems.errors());
      } else {
        score.right++;
      }
    }
  }

  /**
   * The suite beside the repository: {@code ../shared/corpus/jsonschema} from its root, or under
   * the folder {@code CHANX_SHARED_DIR} names (absolute) in place of {@code ../shared}.
   */
  private static Path corpus() {
    String override = System.getenv("CHANX_SHARED_DIR");
    Path shared = override != null && !override.isBlank() ? Path.of(override) : null;
    Path dir = Path.of("").toAbsolutePath();
    while (shared == null && dir != null && !Files.exists(dir.resolve(".git"))) {
      dir = dir.getParent();
    }
    if (shared == null && dir != null) {
      shared = dir.resolveSibling("shared");
    }
    Path corpus = shared == null ? null : shared.resolve("corpus").resolve("jsonschema");
    Assumptions.assumeTrue(corpus != null && Files.isDirectory(corpus.resolve("draft7")),
        "no reference documents: the JSON Schema Test Suite is not at ../shared/corpus/jsonschema (../shared is a"
            + " folder beside the project's own checkouts, not in the repository; a fresh clone has none, CI has it)");
    return corpus;
  }
}
