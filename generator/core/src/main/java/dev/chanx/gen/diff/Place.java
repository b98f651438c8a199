package dev.chanx.gen.diff;

/**
 * Where a change is in one of the two documents.
 *
 * @param file the file, as the user named the document or relative to it for another file
 * @param pointer the JSON pointer within that file ({@code ""} for the root)
 * @param line the 1-based line it starts at (a place that is not written: its parent's), or 0
 */
public record Place(String file, String pointer, int line) {

  /** {@return {@code file#pointer (line N)}} */
  public String render() {
    return file + "#" + pointer + (line > 0 ? " (line " + line + ")" : "");
  }
}
