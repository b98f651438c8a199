package dev.chanx.gen.diff;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The labelled corpus of src/test/resources/diff/: each pair's verdict (what it breaks, summed
 * over its changes) must be its label, and the change kind the label names must be reported (a
 * label's {@code -}: no change at all, for the same frames written another way, as with allOf).
 */
class DiffCorpusTest {

  static final Path CORPUS = Path.of("src/test/resources/diff");

  /** One labelled pair: its folder, what it breaks, a kind it must report. */
  record Label(String pair, Set<Audience> breaks, String kind) {
    @Override
    public String toString() {
      return pair;
    }
  }

  static List<Label> labels() throws IOException {
    List<Label> labels = new ArrayList<>();
    for (String line : Files.readAllLines(CORPUS.resolve("labels.tsv"), StandardCharsets.UTF_8)) {
      if (line.isBlank() || line.startsWith("#")) {
        continue;
      }
      String[] f = line.split("\t");
      Set<Audience> breaks = f[1].equals("safe") ? EnumSet.noneOf(Audience.class) : Audience.parse(f[1]);
      labels.add(new Label(f[0], breaks, f[2]));
    }
    return labels;
  }

  static Stream<Label> pairs() throws IOException {
    return labels().stream();
  }

  static DiffReport diff(String pair) throws Exception {
    Path dir = CORPUS.resolve(pair);
    return CompatibilityDiff.compare(dir.resolve("old.yaml"), dir.resolve("new.yaml"), DiffOptions.defaults());
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("pairs")
  void theVerdictIsTheLabel(Label label) throws Exception {
    DiffReport report = diff(label.pair());
    String rendered = TextRenderer.render(report, DiffReport.allAudiences());
    assertEquals(label.breaks(), report.verdict().breaks().isEmpty() ? EnumSet.noneOf(Audience.class)
        : EnumSet.copyOf(report.verdict().breaks()), rendered);
    if (label.kind().equals("-")) {
      assertEquals(List.of(), report.changes(), "the same frames written another way:\n" + rendered);
    } else {
      assertTrue(report.changes().stream().anyMatch(c -> c.kind().equals(label.kind())),
          () -> "no " + label.kind() + " in\n" + rendered);
    }
  }

  @Test
  void theCorpusCoversEveryRuleBothWays() throws IOException {
    List<Label> labels = labels();
    assertTrue(labels.size() >= 60, "at least 60 pairs, not " + labels.size());
    long docOnly = labels.stream().filter(l -> l.pair().contains("-doc-")).count();
    assertTrue(docOnly >= 10, "documentation-only pairs: " + docOnly);
  }
}
