package dev.chanx.gen.read;

import dev.chanx.gen.SpecException;
import dev.chanx.gen.SpecProblem;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/** Collects every problem so that the user sees them all at once, in file and line order. */
final class Problems {

  private final List<SpecProblem> problems = new ArrayList<>();
  private final List<SpecProblem> warnings = new ArrayList<>();
  private final Set<String> seen = new HashSet<>();
  private final Map<String, Integer> fileOrder = new LinkedHashMap<>();
  // Places the structure check already named: later checks would only say the same again.
  private final Set<String> structural = new HashSet<>();

  /** Declares a file so that its problems sort after those of files declared before it. */
  void file(String name) {
    fileOrder.putIfAbsent(name, fileOrder.size());
  }

  void add(String file, String pointer, int line, String message, String hint) {
    file(file);
    if (structural.contains(file + "#" + pointer)) {
      return;
    }
    // Two checks may trip over the same thing; saying it twice helps nobody.
    if (seen.add(file + "#" + pointer + "\n" + message)) {
      problems.add(new SpecProblem(file, pointer, line, message, hint));
    }
  }

  void at(Location where, String message, String hint) {
    add(where.doc().name(), where.pointer(), where.line(), message, hint);
  }

  /** Records something the document says that generated code does not enforce; it fails nothing. */
  void warn(Location where, String message, String hint) {
    String file = where.doc().name();
    file(file);
    if (seen.add("warning " + file + "#" + where.pointer() + "\n" + message)) {
      warnings.add(new SpecProblem(file, where.pointer(), where.line(), message, hint));
    }
  }

  /** The warnings, in file and line order. */
  List<SpecProblem> warnings() {
    return ordered(warnings);
  }

  /** A problem with a {@code $ref}: named by the object that holds it, on the line of the ref. */
  void atRef(Location refHolder, String message, String hint) {
    add(refHolder.doc().name(), refHolder.pointer(),
        refHolder.doc().lines().line(Pointer.append(refHolder.pointer(), "$ref")), message, hint);
  }

  /** Marks every place named so far as explained, so that later problems there are dropped. */
  void structureChecked() {
    problems.forEach(p -> structural.add(p.file() + "#" + p.pointer()));
  }

  boolean isEmpty() {
    return problems.isEmpty();
  }

  List<SpecProblem> sorted() {
    return ordered(problems);
  }

  private List<SpecProblem> ordered(List<SpecProblem> list) {
    List<SpecProblem> out = new ArrayList<>(list);
    out.sort(Comparator.comparingInt((SpecProblem p) -> fileOrder.getOrDefault(p.file(), 0))
        .thenComparingInt(SpecProblem::line));
    return out;
  }

  void throwIfAny() throws SpecException {
    if (!problems.isEmpty()) {
      throw new SpecException(sorted());
    }
  }
}
