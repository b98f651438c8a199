package dev.chanx.gen;

import java.util.List;
import java.util.stream.Collectors;

/** A document that cannot be read or generated, with every problem found in it. */
public final class SpecException extends Exception {

  private static final long serialVersionUID = 1L;

  private final transient List<SpecProblem> problems;

  public SpecException(List<SpecProblem> problems) {
    super(problems.stream().map(SpecProblem::render).collect(Collectors.joining("\n")));
    if (problems.isEmpty()) {
      throw new IllegalArgumentException("a SpecException needs at least one problem");
    }
    this.problems = List.copyOf(problems);
  }

  public SpecException(SpecProblem problem) {
    this(List.of(problem));
  }

  /** The problems, in document order where known. */
  public List<SpecProblem> problems() {
    return problems;
  }
}
