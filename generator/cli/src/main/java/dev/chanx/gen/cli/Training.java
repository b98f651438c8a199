package dev.chanx.gen.cli;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLMapper;
import java.io.PrintWriter;
import java.io.Writer;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import picocli.CommandLine;

/**
 * The training run of the class-data-sharing archive that {@code bin/chanx-gen} makes next to the
 * jar (under {@code -XX:ArchiveClassesAtExit}): runs, in one JVM, what a user's runs load, so
 * that the archive holds those classes. Not a command of the CLI.
 *
 * <p>Arguments: a scratch folder, then YAML documents. Each document is generated for every target
 * from the YAML and from a JSON copy (both parsers), then validated. Without arguments it does
 * nothing, which {@code bin/chanx-gen} uses to check that a new archive maps.
 */
final class Training {

  private Training() {}

  public static void main(String[] args) throws Exception {
    if (args.length == 0) {
      return;
    }
    Path scratch = Path.of(args[0]);
    for (int i = 1; i < args.length; i++) {
      Path yaml = Path.of(args[i]);
      List<Path> documents = new ArrayList<>(List.of(yaml));
      try {
        Path json = scratch.resolve("document-" + i + ".json");
        Files.writeString(json, new ObjectMapper().writeValueAsString(new YAMLMapper().readTree(yaml.toFile())));
        documents.add(json);
      } catch (Exception e) {
        // A document that does not convert still trains the YAML path.
      }
      for (Path document : documents) {
        run("generate", "--spec", document.toString(), "--output", scratch.resolve("out-" + i).toString(),
            "--package", "dev.chanx.training", "--targets", "server,java-client,js-client");
        run("validate", "--spec", document.toString());
      }
    }
  }

  private static void run(String... args) {
    CommandLine cli = ChanxGen.newCommandLine();
    cli.setOut(new PrintWriter(Writer.nullWriter()));
    cli.setErr(new PrintWriter(Writer.nullWriter()));
    cli.execute(args);
  }
}
