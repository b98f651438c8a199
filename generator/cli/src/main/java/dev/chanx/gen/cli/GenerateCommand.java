package dev.chanx.gen.cli;

import dev.chanx.gen.ChanxGenerator;
import dev.chanx.gen.GeneratedFile;
import dev.chanx.gen.SpecException;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** {@code chanx-gen generate}: writes the Java for every channel of a document. */
@Command(
    name = "generate",
    mixinStandardHelpOptions = true,
    description = "Generates records, sealed message types, handler interfaces, dispatchers and "
        + "routes for every channel of the document.",
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
      required = true,
      paramLabel = "<java.package>",
      description = "The base package; each channel gets a sub-package named after it.")
  String packageName;

  @Override
  public Integer call() {
    PrintWriter out = command.commandLine().getOut();
    PrintWriter err = command.commandLine().getErr();
    Integer unreadable = Failures.checkReadable(options.spec, err);
    if (unreadable != null) {
      return unreadable;
    }
    try {
      List<GeneratedFile> files = ChanxGenerator.generate(options.spec, packageName, options.discriminator);
      ChanxGenerator.write(files, output);
      out.println("Generated " + files.size() + " files from " + options.spec.getFileName() + " into " + output);
      return Failures.OK;
    } catch (SpecException e) {
      return Failures.report(e, err, true);
    } catch (IllegalArgumentException e) {
      err.println("chanx-gen: " + e.getMessage());
      err.println("Try 'chanx-gen generate --help'.");
      return 2;
    } catch (IOException | RuntimeException e) {
      return Failures.unexpected(e, options.verbose, err);
    }
  }
}
