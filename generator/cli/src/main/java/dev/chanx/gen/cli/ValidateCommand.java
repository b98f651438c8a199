package dev.chanx.gen.cli;

import dev.chanx.gen.ChanxGenerator;
import dev.chanx.gen.SpecException;
import dev.chanx.gen.model.ApiModel;
import dev.chanx.gen.model.Channel;
import java.io.PrintWriter;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Spec;

/** {@code chanx-gen validate}: checks a document without writing anything. */
@Command(
    name = "validate",
    mixinStandardHelpOptions = true,
    description = "Checks that the document can be generated, listing every problem found.",
    showDefaultValues = true)
final class ValidateCommand implements Callable<Integer> {

  @Spec CommandSpec command;

  @Mixin SpecOptions options;

  @Override
  public Integer call() {
    PrintWriter out = command.commandLine().getOut();
    PrintWriter err = command.commandLine().getErr();
    Integer unreadable = Failures.checkReadable(options.spec, err);
    if (unreadable != null) {
      return unreadable;
    }
    try {
      ApiModel model = ChanxGenerator.check(options.spec, options.check());
      Failures.warn(model.warnings(), err);
      out.println(options.spec.getFileName() + ": valid AsyncAPI " + model.asyncapiVersion() + " document, "
          + Failures.plural(model.channels().size(), "channel"));
      for (Channel channel : model.channels()) {
        out.printf("  %-20s %-28s %d client, %s%s%n",
            channel.key(), channel.address() == null ? "(no address)" : channel.address(),
            channel.clientMessages().size(),
            Failures.plural(channel.serverMessages().size(), "server message"),
            channel.discriminator() == null ? "" : " (by '" + channel.discriminator() + "')");
      }
      return Failures.OK;
    } catch (SpecException e) {
      return Failures.report(e, err, false);
    } catch (RuntimeException e) {
      return Failures.unexpected(e, options.verbose, err);
    }
  }
}
