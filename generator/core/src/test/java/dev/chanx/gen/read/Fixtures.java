package dev.chanx.gen.read;

import static org.junit.jupiter.api.Assertions.assertThrows;

import dev.chanx.gen.SpecException;
import dev.chanx.gen.SpecProblem;
import dev.chanx.gen.model.ApiModel;
import java.nio.file.Path;
import java.util.List;

/** The small documents under src/test/resources/read, each about one thing. */
final class Fixtures {

  private Fixtures() {}

  static Path path(String name) {
    return Path.of("src/test/resources/read").resolve(name);
  }

  static ApiModel read(String name) {
    return read(name, null);
  }

  static ApiModel read(String name, String discriminator) {
    try {
      return SpecReader.read(path(name), discriminator);
    } catch (SpecException e) {
      throw new AssertionError("expected " + name + " to read without problems:\n" + e.getMessage(), e);
    }
  }

  /** The problems of a document that must fail, rendered as the user sees them. */
  static List<String> problems(String name) {
    return problems(name, null);
  }

  static List<String> problems(String name, String discriminator) {
    SpecException e = assertThrows(SpecException.class, () -> SpecReader.read(path(name), discriminator));
    return e.problems().stream().map(SpecProblem::render).toList();
  }
}
