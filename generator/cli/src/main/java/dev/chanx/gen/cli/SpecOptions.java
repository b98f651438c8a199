package dev.chanx.gen.cli;

import dev.chanx.gen.CheckOptions;
import dev.chanx.gen.Role;
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

  @Option(
      names = "--strict",
      description = "Fail on anything generated code would not enforce (keywords it does not know, formats"
          + " it does not check), instead of warning.")
  boolean strict;

  @Option(
      names = "--formats",
      paramLabel = "assert|annotate",
      defaultValue = "assert",
      description = "assert: check 'format' (date-time, email, ipv4, uri, ...) in what is received;"
          + " annotate: treat it as documentation only.")
  Formats formats;

  @Option(
      names = "--role",
      paramLabel = "server|client",
      defaultValue = "server",
      description = "Whose operations the document lists. server: its receive operations are what clients"
          + " send; client (a document written for the API's users, as exchanges and voice APIs publish):"
          + " its send operations are. Either way a server and a client are generated.")
  Role role;

  @Option(names = {"-v", "--verbose"}, description = "Show stack traces of internal errors.")
  boolean verbose;

  /** What {@code --formats} takes. */
  enum Formats { ASSERT, ANNOTATE;

    @Override
    public String toString() {
      return name().toLowerCase(java.util.Locale.ROOT);
    }
  }

  /** {@return the options these flags say} */
  CheckOptions check() {
    return CheckOptions.defaults().discriminator(discriminator).assertFormats(formats != Formats.ANNOTATE)
        .strict(strict).role(role);
  }
}
