package dev.chanx.gen.cli;

import picocli.CommandLine;
import picocli.CommandLine.Command;

/** {@code chanx-gen}: generates typed Java WebSocket code from an AsyncAPI document. */
@Command(
    name = "chanx-gen",
    mixinStandardHelpOptions = true,
    versionProvider = VersionProvider.class,
    description = "Generates typed Java WebSocket servers and Java and JavaScript clients from an AsyncAPI 3 document.",
    subcommands = {GenerateCommand.class, ValidateCommand.class, DiffCommand.class, CommandLine.HelpCommand.class},
    footer = {
      "",
      "Examples:",
      "  chanx-gen validate --spec spec/chat.asyncapi.yaml",
      "  chanx-gen generate --spec spec/chat.asyncapi.yaml \\",
      "      --output target/generated --package com.example",
      "  chanx-gen generate --spec spec/chat.asyncapi.yaml \\",
      "      --output target/generated --package com.example --targets server,java-client,js-client",
      "  chanx-gen diff --old released.asyncapi.yaml --new spec/chat.asyncapi.yaml",
      "",
      "Exit status: 0 success, 1 the document has problems, 2 wrong usage, 3 (diff) something breaks."
    })
public final class ChanxGen implements Runnable {

  @CommandLine.Spec CommandLine.Model.CommandSpec spec;

  public static void main(String[] args) {
    System.exit(newCommandLine().execute(args));
  }

  /** The configured command line, shared with tests and the reference docs. */
  public static CommandLine newCommandLine() {
    return new CommandLine(new ChanxGen()).setCaseInsensitiveEnumValuesAllowed(true);
  }

  @Override
  public void run() {
    // No subcommand: explain what there is to do rather than doing nothing silently.
    throw new CommandLine.ParameterException(spec.commandLine(), "Missing a command: generate, validate or diff");
  }
}
