package dev.chanx.gen.examples;

import dev.chanx.gen.SharedSpecs;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * The documents whose examples must round-trip: every reference document (where {@code ../shared}
 * is, see {@link SharedSpecs}), and ours beside them.
 */
final class ExampleDocuments {

  /** Constructs the reference documents have no example of, such as examples on a payload schema. */
  static final Path LOCAL = Path.of("src/test/resources/examples");

  private ExampleDocuments() {}

  /** Every reference document (none where they are absent) then every local one, each group in a fixed order. */
  static List<Path> all() {
    List<Path> all = new ArrayList<>(SharedSpecs.present() ? SharedSpecs.all() : List.of());
    all.addAll(SharedSpecs.documentsIn(LOCAL));
    return all;
  }

  /** A document's name in test names: its path under the folder it was found in. */
  static String name(Path document) {
    Path base = isReference(document) ? SharedSpecs.ROOT : LOCAL;
    return base.relativize(document).toString().replace('\\', '/');
  }

  /** Whether a document is one of the reference documents. */
  static boolean isReference(Path document) {
    return document.startsWith(SharedSpecs.ROOT);
  }
}
