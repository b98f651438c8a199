package dev.chanx.gen.read;

import java.io.IOException;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;

/**
 * The line of each place of a document, for tools that report on a model already read (such as
 * the compatibility diff): pointers as the model keeps them, bare in the root file and {@code
 * file#pointer} in any other file.
 */
public final class SourceLines {

  private final Path root;
  private final Map<String, SourceDoc> files = new HashMap<>();

  private SourceLines(Path root) {
    this.root = root;
  }

  /** The lines of the document whose root file is {@code root}; files are parsed when first asked. */
  public static SourceLines of(Path root) {
    return new SourceLines(root);
  }

  /** The file a model pointer is in: the root's name, or the file before its {@code #}. */
  public String file(String pointer) {
    int hash = pointer.indexOf('#');
    return hash < 0 ? root.getFileName().toString() : pointer.substring(0, hash);
  }

  /** The pointer within its file: a model pointer without its file. */
  public static String local(String pointer) {
    int hash = pointer.indexOf('#');
    return hash < 0 ? pointer : pointer.substring(hash + 1);
  }

  /**
   * The 1-based line where a pointer starts; a place that is not written (a missing field) gets
   * its nearest written parent's line; 0 when the file cannot be read.
   */
  public int line(String pointer) {
    int hash = pointer.indexOf('#');
    String name = hash < 0 ? "" : pointer.substring(0, hash);
    SourceDoc doc = files.computeIfAbsent(name, this::parse);
    return doc == null ? 0 : doc.lines().line(local(pointer));
  }

  private SourceDoc parse(String name) {
    Path path = name.isEmpty() ? root : root.toAbsolutePath().normalize().resolveSibling(name);
    try {
      return YamlSource.parse(path, name.isEmpty() ? root.getFileName().toString() : name, name.isEmpty());
    } catch (IOException | YamlSource.SyntaxError e) {
      return null;
    }
  }
}
