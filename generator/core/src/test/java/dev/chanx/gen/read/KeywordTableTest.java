package dev.chanx.gen.read;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/** Keeps the keyword table of docs/reference/asyncapi-support.md what the reader does. */
class KeywordTableTest {

  private static final Path PAGE = Path.of("../../docs/reference/asyncapi-support.md");
  private static final Pattern ROW = Pattern.compile("(?m)^\\| `([^`]+)` \\| (enforced|annotation) \\|$");

  @Test
  void everyKeywordIsListedWithWhatTheReaderDoesWithIt() throws IOException {
    String page = Files.readString(PAGE);
    Set<String> enforced = new TreeSet<>();
    Set<String> annotations = new TreeSet<>();
    Matcher row = ROW.matcher(page);
    while (row.find()) {
      (row.group(2).equals("enforced") ? enforced : annotations).add(row.group(1));
    }
    assertEquals(new TreeSet<>(ContractReader.CONSTRAINTS), enforced);
    assertEquals(new TreeSet<>(ContractReader.ANNOTATIONS), annotations);
    for (String format : ContractReader.FORMATS) {
      assertTrue(page.contains("`" + format + "`"), "the page does not name the checked format " + format);
    }
  }
}
