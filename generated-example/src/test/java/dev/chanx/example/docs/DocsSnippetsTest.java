package dev.chanx.example.docs;

import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * Keeps every marked code block of docs/tutorial/ and docs/reference/ the region of a source file
 * it names. A block is
 * preceded by a marker line {@code <!-- include: <path from the repo root>#<region> -->}; the
 * region is the lines between {@code tag::<region>[]} and {@code end::<region>[]} comments in
 * that file, less their common indent; a region written {@code L<first>-<last>} is those lines of
 * the file (for files that cannot hold tags, such as the generator's golden files, which their own
 * test compares with what is generated). The test fails on a block that differs, a missing file
 * or region, and a marker without a fenced block; {@code -Dchanx.updateDocs=true} rewrites the
 * blocks from the sources.
 */
class DocsSnippetsTest {

  private static final Path ROOT = Path.of("..");
  private static final Pattern MARKER = Pattern.compile("<!-- include: (\\S+)#(\\S+) -->");

  @Test
  void docBlocksAreTheirSourceRegions() throws IOException {
    List<String> problems = new ArrayList<>();
    int blocks = 0;
    for (String folder : List.of("docs/tutorial", "docs/reference")) {
      try (Stream<Path> pages = Files.list(ROOT.resolve(folder))) {
        for (Path page : pages.filter(p -> p.toString().endsWith(".md")).sorted().toList()) {
          blocks += check(page, problems);
        }
      }
    }
    assertTrue(blocks > 0, "no included blocks found under docs/tutorial and docs/reference");
    assertTrue(problems.isEmpty(), String.join("\n", problems)
        + "\nRerun with -Dchanx.updateDocs=true to rewrite the blocks from their sources.");
  }

  private static int check(Path page, List<String> problems) throws IOException {
    List<String> lines = new ArrayList<>(Files.readAllLines(page, StandardCharsets.UTF_8));
    String name = ROOT.relativize(page).toString();
    boolean changed = false;
    int blocks = 0;
    for (int i = 0; i < lines.size(); i++) {
      Matcher marker = MARKER.matcher(lines.get(i).strip());
      if (!marker.matches()) {
        continue;
      }
      blocks++;
      String where = name + ":" + (i + 1);
      if (i + 1 >= lines.size() || !lines.get(i + 1).startsWith("```")) {
        problems.add(where + ": the marker must be followed at once by a fenced block");
        continue;
      }
      int close = i + 2;
      while (close < lines.size() && !lines.get(close).equals("```")) {
        close++;
      }
      if (close == lines.size()) {
        problems.add(where + ": the fenced block is not closed");
        continue;
      }
      List<String> region;
      try {
        region = region(marker.group(1), marker.group(2));
      } catch (IllegalArgumentException e) {
        problems.add(where + ": " + e.getMessage());
        continue;
      }
      List<String> block = lines.subList(i + 2, close);
      if (!block.equals(region)) {
        if (Boolean.getBoolean("chanx.updateDocs")) {
          block.clear();
          block.addAll(region);
          changed = true;
        } else {
          problems.add(where + ": the block differs from " + marker.group(1) + "#" + marker.group(2));
        }
      }
    }
    if (changed) {
      Files.write(page, lines, StandardCharsets.UTF_8);
    }
    return blocks;
  }

  /** The lines of a tagged region, tag lines of nested regions left out, common indent removed. */
  static List<String> region(String file, String tag) throws IOException {
    Path source = ROOT.resolve(file);
    if (!Files.isRegularFile(source)) {
      throw new IllegalArgumentException("no file " + file);
    }
    List<String> region = null;
    List<String> all = Files.readAllLines(source, StandardCharsets.UTF_8);
    Matcher lines = Pattern.compile("L(\\d+)-(\\d+)").matcher(tag);
    if (lines.matches()) {
      int first = Integer.parseInt(lines.group(1));
      int last = Integer.parseInt(lines.group(2));
      if (first < 1 || last < first || last > all.size()) {
        throw new IllegalArgumentException(file + " has no lines " + first + "-" + last);
      }
      return unindent(all.subList(first - 1, last));
    }
    for (String line : all) {
      if (line.contains("end::" + tag + "[]")) {
        if (region == null) {
          break;
        }
        return unindent(region);
      }
      if (region != null && !line.matches("\\s*(//|#|<!--) (tag|end)::\\S+\\[]( -->)?\\s*")) {
        region.add(line);
      }
      if (line.contains("tag::" + tag + "[]")) {
        region = new ArrayList<>();
      }
    }
    throw new IllegalArgumentException("no region '" + tag + "' (tag::" + tag + "[] ... end::" + tag + "[]) in " + file);
  }

  private static List<String> unindent(List<String> lines) {
    int indent = lines.stream().filter(l -> !l.isBlank())
        .mapToInt(l -> l.length() - l.stripLeading().length()).min().orElse(0);
    return lines.stream().map(l -> l.isBlank() ? "" : l.substring(indent)).toList();
  }
}
