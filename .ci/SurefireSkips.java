import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.TreeMap;
import java.util.stream.Stream;
import javax.xml.parsers.DocumentBuilderFactory;
import org.w3c.dom.Element;
import org.w3c.dom.NodeList;

/**
 * Reads the Surefire XML reports of a build (every {@code MODULE/target/surefire-reports} and
 * {@code GROUP/MODULE/target/surefire-reports} under the folder given, the current one by
 * default), prints the totals and, if any test skipped, each skipped test with its reason and how
 * many skipped for each reason. Exits 1 if a test skipped, 2 if there is no report or no test ran.
 *
 * <p>{@code java .ci/SurefireSkips.java [FOLDER] [--allow=TEXT]...}: a skip whose reason contains
 * one of the TEXTs is expected and does not fail.
 */
public class SurefireSkips {

  public static void main(String[] args) throws Exception {
    List<String> allowed = Stream.of(args).filter(a -> a.startsWith("--allow="))
        .map(a -> a.substring("--allow=".length())).toList();
    Path root = Path.of(Stream.of(args).filter(a -> !a.startsWith("--")).findFirst().orElse("."));
    List<Path> reports = reports(root);
    if (reports.isEmpty()) {
      System.out.println("skips: no Surefire report under " + root.toAbsolutePath().normalize());
      System.exit(2);
    }
    int tests = 0;
    int skipped = 0;
    int failures = 0;
    int unexpected = 0;
    List<String> lines = new ArrayList<>();
    TreeMap<String, Integer> byReason = new TreeMap<>();
    DocumentBuilderFactory factory = DocumentBuilderFactory.newInstance();
    for (Path report : reports) {
      Element suite = factory.newDocumentBuilder().parse(report.toFile()).getDocumentElement();
      tests += count(suite, "tests");
      skipped += count(suite, "skipped");
      failures += count(suite, "failures") + count(suite, "errors");
      NodeList cases = suite.getElementsByTagName("testcase");
      for (int i = 0; i < cases.getLength(); i++) {
        Element testcase = (Element) cases.item(i);
        NodeList skips = testcase.getElementsByTagName("skipped");
        if (skips.getLength() > 0) {
          String reason = reason((Element) skips.item(0));
          lines.add("  " + testcase.getAttribute("classname") + "." + testcase.getAttribute("name") + ": " + reason);
          byReason.merge(reason, 1, Integer::sum);
          if (allowed.stream().noneMatch(reason::contains)) {
            unexpected++;
          }
        }
      }
    }
    System.out.printf("skips: %d reports, %d tests, %d failed or in error, %d skipped%n",
        reports.size(), tests, failures, skipped);
    if (skipped > 0) {
      System.out.println("skipped tests:");
      lines.forEach(System.out::println);
      System.out.println("skipped, by reason:");
      byReason.forEach((reason, n) -> System.out.printf("  %4d  %s%n", n, reason));
    }
    if (tests == skipped) {
      System.out.println("skips: no test ran");
      System.exit(2);
    }
    if (unexpected > 0) {
      System.out.println("skips: FAILED: " + unexpected + " test(s) skipped that should have run"
          + (allowed.isEmpty() ? " (here none may skip)" : " (here only skips for " + allowed + " are expected)"));
      System.exit(1);
    }
    if (skipped > 0) {
      System.out.println("skips: every skip is an expected one, for " + allowed);
    }
  }

  private static List<Path> reports(Path root) throws IOException {
    List<Path> reports = new ArrayList<>();
    for (String glob : List.of("*/target/surefire-reports", "*/*/target/surefire-reports")) {
      int depth = glob.split("/").length;
      var matcher = root.getFileSystem().getPathMatcher("glob:" + glob);
      try (Stream<Path> dirs = Files.find(root, depth,
          (p, a) -> a.isDirectory() && root.relativize(p).getNameCount() == depth && matcher.matches(root.relativize(p)))) {
        for (Path dir : dirs.sorted().toList()) {
          try (Stream<Path> files = Files.list(dir)) {
            files.filter(f -> f.getFileName().toString().matches("TEST-.*\\.xml")).sorted().forEach(reports::add);
          }
        }
      }
    }
    return reports;
  }

  private static int count(Element suite, String attribute) {
    String value = suite.getAttribute(attribute);
    return value.isEmpty() ? 0 : Integer.parseInt(value);
  }

  /** The skip's message or, failing that, the first line of its text (an assumption's stack trace). */
  private static String reason(Element skip) {
    String message = skip.getAttribute("message");
    if (message.isEmpty()) {
      message = skip.getTextContent().strip().lines().findFirst().orElse("");
    }
    return message.isEmpty() ? "(no reason given)"
        : message.replaceFirst("^org\\.opentest4j\\.TestAbortedException: ", "");
  }
}
