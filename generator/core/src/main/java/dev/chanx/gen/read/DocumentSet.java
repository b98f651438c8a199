package dev.chanx.gen.read;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.InvalidPathException;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;

/** The root file and every file reached through a {@code $ref}, each parsed once. */
final class DocumentSet {

  /** The outcome of loading a referenced file. */
  enum Status { LOADED, MISSING, BROKEN }

  /** A loaded file, or why there is none; {@code name} is the file as problems name it. */
  record Loaded(Status status, SourceDoc doc, String name) {}

  private final Path rootFolder;
  private final Problems problems;
  private final Map<Path, Loaded> files = new HashMap<>();

  DocumentSet(Path spec, Problems problems) {
    Path absolute = spec.toAbsolutePath().normalize();
    this.rootFolder = absolute.getParent();
    this.problems = problems;
  }

  /** Parses the root file, reporting a syntax error or a missing file as a problem. */
  SourceDoc root(Path spec) {
    Path absolute = spec.toAbsolutePath().normalize();
    String name = spec.getFileName().toString();
    problems.file(name);
    Loaded loaded = parse(absolute, name, true);
    if (loaded.status() == Status.MISSING) {
      problems.add(name, "", 0, "the file does not exist", "Check the path: " + spec + ".");
    }
    return loaded.doc();
  }

  /** Loads {@code relative} as seen from the file {@code from}, once per file. */
  Loaded load(SourceDoc from, String relative) {
    Path absolute;
    try {
      absolute = from.path().getParent().resolve(relative).normalize();
    } catch (InvalidPathException e) {
      // A name no file system can hold (a NUL, say) is reported like a file that is not there.
      return new Loaded(Status.MISSING, null, relative.replace("\u0000", "\\0"));
    }
    if (absolute.equals(from.path())) {
      return new Loaded(Status.LOADED, from, from.name());
    }
    Loaded known = files.get(absolute);
    if (known != null) {
      return known;
    }
    String name = nameOf(absolute);
    problems.file(name);
    return parse(absolute, name, false);
  }

  /** The file loaded under the name problems give it, or null. */
  SourceDoc named(String name) {
    return files.values().stream().map(Loaded::doc).filter(d -> d != null && d.name().equals(name))
        .findFirst().orElse(null);
  }

  private Loaded parse(Path absolute, String name, boolean isRoot) {
    Loaded loaded;
    try {
      if (!Files.isRegularFile(absolute)) {
        throw new NoSuchFileException(absolute.toString());
      }
      loaded = new Loaded(Status.LOADED, YamlSource.parse(absolute, name, isRoot), name);
    } catch (NoSuchFileException e) {
      loaded = new Loaded(Status.MISSING, null, name);
    } catch (IOException e) {
      problems.add(name, "", 0, "the file cannot be read: " + e.getMessage(), null);
      loaded = new Loaded(Status.BROKEN, null, name);
    } catch (YamlSource.SyntaxError e) {
      problems.add(name, "", e.line, e.getMessage(), null);
      loaded = new Loaded(Status.BROKEN, null, name);
    }
    files.put(absolute, loaded);
    return loaded;
  }

  /** A path relative to the root's folder, with / separators, so that messages never leak absolute paths. */
  private String nameOf(Path absolute) {
    Path relative = rootFolder == null ? absolute.getFileName() : rootFolder.relativize(absolute);
    return relative.toString().replace('\\', '/');
  }
}
