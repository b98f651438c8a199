package dev.chanx.core.schema;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * The capture groups of a pattern, for backreferences. ECMA matches a reference to a group that
 * did not take part as empty where Java fails, so a reference is translated only when its group
 * surely matched: closed before it, not optional, not inside a negative lookaround, and not in
 * an alternative other than the reference's.
 */
final class Groups {

  /** A group being read: its alternative so far and the captures inside it. */
  private static final class Frame {
    final int id;
    final int capture;
    final boolean negative;
    final int start;
    int alternative;
    boolean alternated;
    final List<Integer> captures = new ArrayList<>();

    Frame(int id, int capture, boolean negative, int start) {
      this.id = id;
      this.capture = capture;
      this.negative = negative;
      this.start = start;
    }
  }

  private final int total;
  private final Map<String, Integer> names;
  private final Deque<Frame> open = new ArrayDeque<>();
  private final List<int[]> paths = new ArrayList<>();
  private final boolean[] closed;
  private final boolean[] uncertain;
  private int captures;
  private int frames;
  private Frame last;

  private Groups(int total, Map<String, Integer> names) {
    this.total = total;
    this.names = names;
    this.closed = new boolean[total + 1];
    this.uncertain = new boolean[total + 1];
    paths.add(new int[0]);
    open.push(new Frame(frames++, 0, false, -1));
  }

  /** Counts the capture groups of a pattern and reads their names, before translating it. */
  static Groups scan(String src) {
    int total = 0;
    Map<String, Integer> names = new HashMap<>();
    boolean inClass = false;
    for (int i = 0; i < src.length(); i++) {
      char c = src.charAt(i);
      if (c == '\\') {
        i++;
      } else if (inClass) {
        inClass = c != ']';
      } else if (c == '[') {
        inClass = true;
      } else if (c == '(' && (!src.startsWith("?", i + 1) || (src.startsWith("?<", i + 1)
          && !src.startsWith("?<=", i + 1) && !src.startsWith("?<!", i + 1)))) {
        total++;
        int close = src.indexOf('>', i);
        if (src.startsWith("?<", i + 1) && close > 0 && names.put(src.substring(i + 3, close), total) != null) {
          throw new EcmaTranslator.Invalid("Invalid regular expression /" + src + "/: duplicate group name");
        }
      }
    }
    return new Groups(total, names);
  }

  static void checkName(EcmaTranslator t, String name) {
    if (name.isEmpty() || !(Character.isUnicodeIdentifierStart(name.codePointAt(0)) || name.charAt(0) == '$'
        || name.charAt(0) == '_') || !name.codePoints().allMatch(c -> Character.isUnicodeIdentifierPart(c)
        || c == '$')) {
      throw t.invalid("invalid group name");
    }
    if (!name.matches("[A-Za-z][A-Za-z0-9]*")) {
      throw new EcmaTranslator.Untranslatable("Java group names are ASCII letters and digits: " + name);
    }
  }

  boolean hasNames() {
    return !names.isEmpty();
  }

  int indexOf(EcmaTranslator t, String name) {
    Integer index = names.get(name);
    if (index == null) {
      throw t.invalid("no group named " + name);
    }
    return index;
  }

  void open(boolean capture, boolean negative, int start) {
    int index = capture ? ++captures : 0;
    if (capture) {
      int[] path = new int[open.size() * 2];
      int i = 0;
      for (var it = open.descendingIterator(); it.hasNext(); ) {
        Frame frame = it.next();
        path[i++] = frame.id;
        path[i++] = frame.alternative;
      }
      paths.add(path);
    }
    open.push(new Frame(frames++, index, negative, start));
  }

  void alternative() {
    Frame frame = open.peek();
    frame.alternative++;
    frame.alternated = true;
  }

  void close() {
    Frame frame = open.pop();
    if (frame.capture > 0) {
      closed[frame.capture] = true;
      frame.captures.add(frame.capture);
    }
    if (frame.alternated || frame.negative) {
      frame.captures.forEach(c -> uncertain[c] = true);
    }
    open.peek().captures.addAll(frame.captures);
    last = frame;
  }

  /** The term that starts at {@code start} in the output may match zero times. */
  void optional(int start) {
    if (last != null && last.start == start) {
      last.captures.forEach(c -> uncertain[c] = true);
    }
  }

  void reference(EcmaTranslator t, int index) {
    if (index > total) {
      throw t.invalid("backreference to group " + index + " of " + total);
    }
    if (!closed[index] || uncertain[index] || !sameAlternative(paths.get(index))) {
      throw new EcmaTranslator.Untranslatable("Java cannot translate the backreference to group " + index
          + " of /" + t.src + "/: the group may not have matched, which ECMA-262 matches as empty and Java fails");
    }
  }

  private boolean sameAlternative(int[] path) {
    for (int i = 0; i < path.length; i += 2) {
      for (Frame frame : open) {
        if (frame.id == path[i] && frame.alternative != path[i + 1]) {
          return false;
        }
      }
    }
    return true;
  }
}
