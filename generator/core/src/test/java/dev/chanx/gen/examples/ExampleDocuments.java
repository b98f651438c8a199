package dev.chanx.gen.examples;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;

/** The documents whose examples must round-trip: every reference document, and ours beside them. */
final class ExampleDocuments {

  /** {@code ../shared/specs} from the repository root; tests run in generator/core. */
  static final Path SHARED = Path.of("../../../shared/specs");

  /** Constructs the reference documents have no example of, such as examples on a payload schema. */
  static final Path LOCAL = Path.of("src/test/resources/examples");

  private ExampleDocuments() {}

  /** Every reference document then every local one, each group in a fixed order. */
  static List<Path> all() {
    List<Path> all = new ArrayList<>(documents(SHARED));
    all.addAll(documents(LOCAL));
    return all;
  }

  /** A document's name in test names: its path under the folder it was found in. */
  static String name(Path document) {
    Path base = document.startsWith(SHARED) ? SHARED : LOCAL;
    return base.relativize(document).toString().replace('\\', '/');
  }

  private static List<Path> documents(Path root) {
    try (Stream<Path> files = Files.walk(root)) {
      return files.filter(p -> p.toString().matches(".*\\.(ya?ml|json)$")).sorted().toList();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
