package dev.chanx.gen.read;

import java.util.HashMap;
import java.util.Map;

/** Where each JSON pointer of one file starts, so that every problem can name its line. */
final class SourceMap {

  private final Map<String, Integer> lines = new HashMap<>();

  void put(String pointer, int line) {
    lines.putIfAbsent(pointer, line);
  }

  /**
   * The 1-based line of a pointer; a pointer that is not in the file (a missing field) gets the
   * line of its nearest existing parent, which is where the user has to add it.
   */
  int line(String pointer) {
    String p = pointer;
    while (true) {
      Integer line = lines.get(p);
      if (line != null) {
        return line;
      }
      if (p.isEmpty()) {
        return 1;
      }
      p = Pointer.parent(p);
    }
  }
}
