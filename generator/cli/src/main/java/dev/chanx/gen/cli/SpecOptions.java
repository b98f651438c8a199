package dev.chanx.gen.cli;

import java.nio.file.Path;
import picocli.CommandLine.Option;

/** The options every command that reads a document shares. */
final class SpecOptions {

  @Option(
      names = {"-s", "--spec"},
      required = true,
      paramLabel = "<file>",
      description = "The AsyncAPI document (YAML or JSON).")
  Path spec;

  @Option(
      names = "--discriminator",
      paramLabel = "<property>",
      description =
          "The property that tells the messages of a channel apart. "
              + "Default: inferred (action, type, event, ...).")
  String discriminator;

  @Option(names = {"-v", "--verbose"}, description = "Show stack traces of internal errors.")
  boolean verbose;
}
