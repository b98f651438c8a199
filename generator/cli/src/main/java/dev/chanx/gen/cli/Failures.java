package dev.chanx.gen.cli;

import dev.chanx.gen.SpecException;
import dev.chanx.gen.SpecProblem;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;

/** Turns failures into short messages and exit codes, the same way for every command. */
final class Failures {

  static final int OK = 0;
  static final int FAILED = 1;
  static final int USAGE = 2;

  private Failures() {}

  /** Reports a missing or unreadable document; null when the document can be read. */
  static Integer checkReadable(Path spec, PrintWriter err) {
    if (!Files.isRegularFile(spec)) {
      err.println("chanx-gen: " + spec + ": no such file");
      return FAILED;
    }
    if (!Files.isReadable(spec)) {
      err.println("chanx-gen: " + spec + ": cannot be read (permission denied)");
      return FAILED;
    }
    return null;
  }

  /** Prints every problem of a document, one per line, and a count. */
  static int report(SpecException e, PrintWriter err, boolean generating) {
    for (SpecProblem problem : e.problems()) {
      err.println(problem.render());
    }
    int n = e.problems().size();
    err.println("chanx-gen: " + plural(n, "problem") + " found" + (generating ? "; nothing was generated." : "."));
    return FAILED;
  }

  /** Prints the problems of the channels {@code --keep-going} left out, and a count. */
  static int leftOut(java.util.List<SpecProblem> problems, int generated, PrintWriter err) {
    problems.forEach(p -> err.println(p.render()));
    err.println("chanx-gen: " + plural(problems.size(), "problem") + " found; the channels they are about were"
        + " left out, the other " + plural(generated, "channel") + " generated.");
    return FAILED;
  }

  /** Prints what generated code will not enforce, one warning per line. */
  static void warn(java.util.List<SpecProblem> warnings, PrintWriter err) {
    for (SpecProblem warning : warnings) {
      err.println("warning: " + warning.render());
    }
  }

  /** {@code 1 problem}, {@code 2 problems}. */
  static String plural(int n, String noun) {
    return n + " " + noun + (n == 1 ? "" : "s");
  }

  /** Reports an unexpected failure without a stack trace unless asked for. */
  static int unexpected(Exception e, boolean verbose, PrintWriter err) {
    String message = e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage();
    err.println("chanx-gen: " + message);
    if (verbose) {
      e.printStackTrace(err);
    } else {
      err.println("Run again with --verbose for details.");
    }
    return FAILED;
  }
}
