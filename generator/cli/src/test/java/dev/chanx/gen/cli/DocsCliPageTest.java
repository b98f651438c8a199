package dev.chanx.gen.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;
import picocli.CommandLine;

/**
 * Keeps docs/reference/cli.md the usage that picocli prints, so the page cannot drift from the
 * options; {@code -Dchanx.updateDocs=true} rewrites the page from the current code.
 */
class DocsCliPageTest {

  private static final Path PAGE = Path.of("../../docs/reference/cli.md");
  private static final int WIDTH = 100;

  @Test
  void cliPageIsTheCurrentUsage() throws IOException {
    String expected = render();
    if (Boolean.getBoolean("chanx.updateDocs")) {
      Files.writeString(PAGE, expected, StandardCharsets.UTF_8);
    }
    String actual = Files.exists(PAGE) ? Files.readString(PAGE, StandardCharsets.UTF_8) : "";
    assertEquals(expected, actual,
        "docs/reference/cli.md differs from the picocli model; rerun with -Dchanx.updateDocs=true");
  }

  static String render() {
    CommandLine root = ChanxGen.newCommandLine();
    StringBuilder page = new StringBuilder();
    page.append("<!-- Generated from the picocli model by DocsCliPageTest; do not edit.\n")
        .append("     Rewrite with: mvn -pl generator/cli -am test -Dtest=DocsCliPageTest"
            + " -Dsurefire.failIfNoSpecifiedTests=false -Dchanx.updateDocs=true -->\n")
        .append("# `chanx-gen` command line\n\n")
        .append("`chanx-gen` is the command line front of the generator; it calls the same API as the\n")
        .append("[Maven plugin](maven-plugin.md). In this repository, run `bin/chanx-gen`: it builds\n")
        .append("`generator/cli/target/chanx-gen.jar` when the jar is missing or older than the sources, and\n")
        .append("starts it with JVM options for a short run and a class-data-sharing archive of the classes a\n")
        .append("run loads, made next to the jar the first time a new jar or JDK runs (that run takes a few\n")
        .append("seconds more; a read-only checkout runs without the archive). `CHANX_GEN_JAVA_OPTS` adds\n")
        .append("JVM options after those (`-Xshare:off`: no archive). The jar also runs on its own:\n")
        .append("`java -jar generator/cli/target/chanx-gen.jar`, after `mvn -pl generator/cli -am package`.\n\n")
        .append("Exit status: `0` success, `1` the document has problems, `2` wrong usage, and for `diff` `3`\n")
        .append("something breaks ([its output](diff.md)). What generated code would not enforce is printed as\n")
        .append("`warning: <file>#<pointer> (line N): ...` and fails nothing unless `--strict` is given.\n");
    section(page, "chanx-gen", root);
    for (Map.Entry<String, CommandLine> sub : root.getSubcommands().entrySet()) {
      section(page, "chanx-gen " + sub.getKey(), sub.getValue());
    }
    return page.toString();
  }

  private static void section(StringBuilder page, String title, CommandLine command) {
    command.setUsageHelpAutoWidth(false);
    command.setUsageHelpWidth(WIDTH);
    String usage = command.getUsageMessage(CommandLine.Help.Ansi.OFF).stripTrailing()
        .replaceAll("(?m)[ \\t]+$", "");
    page.append("\n## `").append(title).append("`\n\n```\n").append(usage).append("\n```\n");
  }
}
