package dev.chanx.gen.read;

import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.chanx.gen.SpecException;
import dev.chanx.gen.model.ApiModel;
import java.nio.file.Files;
import java.nio.file.Path;

/** The reference documents under ../shared/specs (beside the repository), read in place (never copied). */
final class SharedSpecs {

  /** From generator/core, where surefire runs. */
  static final Path ROOT = Path.of("../../../shared/specs");

  private SharedSpecs() {}

  static Path path(String name) {
    Path path = ROOT.resolve(name);
    assertTrue(Files.isRegularFile(path), "missing reference document " + path.toAbsolutePath().normalize());
    return path;
  }

  static ApiModel read(String name) {
    try {
      return SpecReader.read(path(name), null);
    } catch (SpecException e) {
      throw new AssertionError("expected " + name + " to read without problems:\n" + e.getMessage(), e);
    }
  }
}
