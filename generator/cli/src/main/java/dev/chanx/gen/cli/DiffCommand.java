package dev.chanx.gen.cli;

import dev.chanx.gen.ChanxGenerator;
import dev.chanx.gen.CheckOptions;
import dev.chanx.gen.SpecException;
import dev.chanx.gen.diff.Audience;
import dev.chanx.gen.diff.CompatibilityDiff;
import dev.chanx.gen.diff.DiffOptions;
import dev.chanx.gen.diff.DiffReport;
import dev.chanx.gen.diff.JsonRenderer;
import dev.chanx.gen.Role;
import dev.chanx.gen.diff.TextRenderer;
import dev.chanx.gen.model.ApiModel;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.Set;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** {@code chanx-gen diff}: says what a new version of a document breaks. */
@Command(
    name = "diff",
    mixinStandardHelpOptions = true,
    description = {
      "Compares two versions of a document and lists every change with its place in each (file#pointer,"
          + " line), what changed, and whom it breaks: existing clients (an old client against a new server),"
          + " existing servers (a new client against an old server), the generated Java API, or nobody.",
      "Schemas are compared by the values they accept, in the direction the frames travel: a new enum"
          + " value is safe in what clients send but breaks clients in what the server sends."},
    footer = {
      "",
      "Examples:",
      "  chanx-gen diff --old released/chat.asyncapi.yaml --new spec/chat.asyncapi.yaml",
      "  chanx-gen diff --old v1.yaml --new v2.yaml --format json --fail-on clients",
      "",
      "Exit status: 0 nothing that --fail-on names breaks, 1 a document has problems, 2 wrong usage,"
          + " 3 something breaks. The JSON output is described in docs/reference/diff.md."})
final class DiffCommand implements Callable<Integer> {

  static final int BREAKS = 3;

  @Spec CommandSpec command;

  @Option(names = "--old", required = true, paramLabel = "<file>",
      description = "The document as released (YAML or JSON).")
  Path oldDocument;

  @Option(names = "--new", required = true, paramLabel = "<file>",
      description = "The document as changed (YAML or JSON).")
  Path newDocument;

  @Option(names = "--role", paramLabel = "server|client", defaultValue = "server",
      description = "Which application both documents' operations belong to, as for generate: server"
          + " (receive is what clients send) or client (send is what clients send)."
          + " Default: ${DEFAULT-VALUE}.")
  String role;

  @Option(names = "--format", paramLabel = "text|json", defaultValue = "text",
      description = "text: one line per change and a summary; json: the stable document of"
          + " docs/reference/diff.md, for CI bots. Default: ${DEFAULT-VALUE}.")
  String format;

  @Option(names = "--fail-on", paramLabel = "<audience>[,<audience>...]", defaultValue = "clients,servers,api",
      description = "Which breaks give exit status 3, any of: clients, servers, api."
          + " Default: ${DEFAULT-VALUE}.")
  String failOn;

  @Option(names = "--discriminator", paramLabel = "<property>",
      description = "The property that tells the messages of a channel apart, in both documents."
          + " Default: inferred (action, type, event, ...).")
  String discriminator;

  @Option(names = "--formats", paramLabel = "assert|annotate", defaultValue = "assert",
      description = "assert: a changed 'format' changes what is accepted; annotate: 'format' only documents."
          + " Default: ${DEFAULT-VALUE}.")
  SpecOptions.Formats formats;

  @Option(names = {"-v", "--verbose"}, description = "Show stack traces of internal errors.")
  boolean verbose;

  @Override
  public Integer call() {
    PrintWriter out = command.commandLine().getOut();
    PrintWriter err = command.commandLine().getErr();
    Set<Audience> audiences;
    Role judged;
    try {
      audiences = Audience.parse(failOn);
      judged = Role.parse(role);
    } catch (IllegalArgumentException e) {
      return usage(err, e.getMessage());
    }
    if (!format.equals("text") && !format.equals("json")) {
      return usage(err, "unknown format '" + format + "'; valid: text, json");
    }
    for (Path document : new Path[] {oldDocument, newDocument}) {
      Integer unreadable = Failures.checkReadable(document, err);
      if (unreadable != null) {
        return unreadable;
      }
    }
    CheckOptions check = CheckOptions.defaults().discriminator(discriminator)
        .assertFormats(formats != SpecOptions.Formats.ANNOTATE).role(judged);
    DiffOptions options = DiffOptions.defaults().check(check);
    try {
      ApiModel before = read(oldDocument, "old", check, err);
      ApiModel after = read(newDocument, "new", check, err);
      if (before == null || after == null) {
        return Failures.FAILED;
      }
      DiffReport report = CompatibilityDiff.compare(oldDocument, before, newDocument, after, options);
      out.print(format.equals("json") ? JsonRenderer.render(report, audiences)
          : TextRenderer.render(report, audiences));
      out.flush();
      return report.fails(audiences) ? BREAKS : Failures.OK;
    } catch (RuntimeException e) {
      return Failures.unexpected(e, verbose, err);
    }
  }

  /** The document read and checked, or null after printing its problems. */
  private static ApiModel read(Path document, String which, CheckOptions check, PrintWriter err) {
    try {
      return ChanxGenerator.check(document, check);
    } catch (SpecException e) {
      err.println("chanx-gen: the " + which + " document " + document + " cannot be compared:");
      Failures.report(e, err, false);
      return null;
    }
  }

  private static int usage(PrintWriter err, String message) {
    err.println("chanx-gen: " + message);
    err.println("Try 'chanx-gen diff --help'.");
    return Failures.USAGE;
  }
}
