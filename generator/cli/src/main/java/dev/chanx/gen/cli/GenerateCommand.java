package dev.chanx.gen.cli;

import dev.chanx.gen.model.ApiModel;
import dev.chanx.gen.ChanxGenerator;
import dev.chanx.gen.GeneratedFile;
import dev.chanx.gen.SpecException;
import dev.chanx.gen.Target;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.List;
import java.util.Set;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** {@code chanx-gen generate}: writes the server, the Java client or the JavaScript client of a document. */
@Command(
    name = "generate",
    mixinStandardHelpOptions = true,
    description = "Generates, for every channel of the document, records and sealed message types with "
        + "a handler, dispatcher and route (server), a typed client on the JDK's WebSocket (java-client), "
        + "or one ES module with TypeScript declarations in <dir>/js/ (js-client).",
    showDefaultValues = true)
final class GenerateCommand implements Callable<Integer> {

  @Spec CommandSpec command;

  @Mixin SpecOptions options;

  @Option(
      names = {"-o", "--output"},
      required = true,
      paramLabel = "<dir>",
      description = "The source folder to write into (created when missing).")
  Path output;

  @Option(
      names = {"-p", "--package"},
      paramLabel = "<java.package>",
      description = "The base package; each channel gets a sub-package named after it. "
          + "Required for the server and java-client targets.")
  String packageName;

  @Option(
      names = "--targets",
      paramLabel = "<target>[,<target>...]",
      defaultValue = "server",
      description = "What to generate, any of: server, java-client, js-client.")
  String targets;

  @Option(
      names = "--keep-going",
      description = "Generate the channels that have no problem and report the problems of the others"
          + " (exit status 1); a problem outside every channel still stops everything.")
  boolean keepGoing;

  @Override
  public Integer call() {
    PrintWriter out = command.commandLine().getOut();
    PrintWriter err = command.commandLine().getErr();
    Set<Target> chosen;
    try {
      chosen = Target.parse(targets);
    } catch (IllegalArgumentException e) {
      return usage(err, e.getMessage());
    }
    if (packageName == null && chosen.stream().anyMatch(Target::isJava)) {
      return usage(err, "Missing required option: '--package=<java.package>' (the server and java-client"
          + " targets write Java)");
    }
    Integer unreadable = Failures.checkReadable(options.spec, err);
    if (unreadable != null) {
      return unreadable;
    }
    try {
      ApiModel model = ChanxGenerator.check(options.spec, options.check().keepGoing(keepGoing));
      Failures.warn(model.warnings(), err);
      List<GeneratedFile> files = ChanxGenerator.generate(model, packageName, chosen);
      ChanxGenerator.write(files, output);
      out.println("Generated " + files.size() + " files from " + options.spec.getFileName() + " into " + output);
      if (!model.skipped().isEmpty()) {
        return Failures.leftOut(model.skipped(), model.channels().size(), err);
      }
      return Failures.OK;
    } catch (SpecException e) {
      return Failures.report(e, err, true);
    } catch (IllegalArgumentException e) {
      return usage(err, e.getMessage());
    } catch (IOException | RuntimeException e) {
      return Failures.unexpected(e, options.verbose, err);
    }
  }

  private static int usage(PrintWriter err, String message) {
    err.println("chanx-gen: " + message);
    err.println("Try 'chanx-gen generate --help'.");
    return Failures.USAGE;
  }
}
