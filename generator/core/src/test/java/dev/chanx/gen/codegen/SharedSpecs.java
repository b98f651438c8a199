package dev.chanx.gen.codegen;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;

/** The reference documents beside the project, read where they are (never copied). */
final class SharedSpecs {

  /** {@code ../shared/specs} from the repository root; tests run in generator/core. */
  static final Path ROOT = Path.of("../../../shared/specs");

  static final Path TUTORIAL = ROOT.resolve("chanx/tutorial.yaml");

  private SharedSpecs() {}

  /** Every document, in a fixed order. */
  static List<Path> all() {
    try (Stream<Path> files = Files.walk(ROOT)) {
      return files.filter(p -> p.toString().matches(".*\\.(ya?ml|json)$")).sorted().toList();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
