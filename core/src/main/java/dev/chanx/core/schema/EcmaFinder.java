package dev.chanx.core.schema;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * An ECMA-262 {@code pattern} compiled once to answer whether a string contains a match, as
 * {@code pattern} and {@code patternProperties} ask, without allocating per string.
 *
 * <p>The patterns documents mostly write, a run of ASCII characters and classes with quantifiers,
 * anchored or not ({@code ^SKU-[0-9]{5}$}, {@code ^[A-Z]{2}$}), are matched by a small automaton
 * over their steps. Any other pattern runs its {@link EcmaRegex#toJava} translation with one
 * {@link Matcher} per thread, reset for each string, instead of a new one each time. Both answer
 * exactly as {@link Pattern#matcher matcher(text).find()} on the translation does: the automaton
 * takes only patterns whose every character set is ASCII, on which ECMA's UTF-16 units and Java's
 * code points cannot differ.
 */
public abstract class EcmaFinder {

  private EcmaFinder() {}

  /**
   * Compiles a pattern.
   *
   * @param ecma the ECMA-262 pattern, as the document writes it
   * @return its finder
   * @throws IllegalArgumentException as {@link EcmaRegex#toJava} does
   */
  public static EcmaFinder compile(String ecma) {
    String java = EcmaRegex.toJava(ecma);
    EcmaFinder simple = Steps.parse(ecma);
    return simple != null ? simple : new Translated(Pattern.compile(java));
  }

  /**
   * Whether the text contains a match of the pattern (anywhere, unless the pattern anchors it).
   *
   * @param text the string
   * @return whether it contains a match
   */
  public abstract boolean find(String text);

  /** The translation, run by a matcher kept per thread. */
  private static final class Translated extends EcmaFinder {
    private final ThreadLocal<Matcher> matchers;

    Translated(Pattern pattern) {
      this.matchers = ThreadLocal.withInitial(() -> pattern.matcher(""));
    }

    @Override
    public boolean find(String text) {
      Matcher matcher = matchers.get().reset(text);
      boolean found = matcher.find();
      matcher.reset(""); // keep no reference to the text
      return found;
    }
  }

  /**
   * A pattern that is a sequence of steps, each an ASCII set taken once, at most once or any
   * number of times, between an optional {@code ^} and an optional {@code $}. State {@code j} of
   * the automaton means "the first j steps matched"; at most 63 steps, so the states fit a long.
   */
  static final class Steps extends EcmaFinder {
    private static final int ONE = 0;
    private static final int OPTIONAL = 1;
    private static final int ANY = 2;
    private static final int MAX_STEPS = 63;

    private final long[] low;
    private final long[] high;
    private final int[] kinds;
    private final boolean anchoredStart;
    private final boolean anchoredEnd;
    // States reachable from each state without a character (skipping optional steps).
    private final long[] closure;

    private Steps(List<long[]> sets, List<Integer> kinds, boolean anchoredStart, boolean anchoredEnd) {
      int n = sets.size();
      this.low = new long[n];
      this.high = new long[n];
      this.kinds = new int[n];
      for (int i = 0; i < n; i++) {
        low[i] = sets.get(i)[0];
        high[i] = sets.get(i)[1];
        this.kinds[i] = kinds.get(i);
      }
      this.anchoredStart = anchoredStart;
      this.anchoredEnd = anchoredEnd;
      closure = new long[n + 1];
      for (int j = n; j >= 0; j--) {
        closure[j] = 1L << j;
        if (j < n && this.kinds[j] != ONE) {
          closure[j] |= closure[j + 1];
        }
      }
    }

    private long close(long states) {
      long out = 0;
      for (long rest = states; rest != 0; rest &= rest - 1) {
        out |= closure[Long.numberOfTrailingZeros(rest)];
      }
      return out;
    }

    @Override
    public boolean find(String text) {
      int n = kinds.length;
      long accept = 1L << n;
      long start = closure[0];
      long states = start;
      if (!anchoredEnd && (states & accept) != 0) {
        return true;
      }
      for (int i = 0; i < text.length(); i++) {
        char c = text.charAt(i);
        long next = 0;
        if (c < 128) {
          for (long rest = states & ~accept; rest != 0; rest &= rest - 1) {
            int j = Long.numberOfTrailingZeros(rest);
            if (((c < 64 ? low[j] >>> c : high[j] >>> (c - 64)) & 1) != 0) {
              next |= kinds[j] == ANY ? 1L << j : 1L << (j + 1);
            }
          }
          next = close(next);
        }
        if (!anchoredStart) {
          next |= start;
        }
        states = next;
        if (!anchoredEnd && (states & accept) != 0) {
          return true;
        }
        if (states == 0) {
          return false;
        }
      }
      return (states & accept) != 0;
    }

    /** The steps of a pattern, or null when it is not such a sequence (the translation runs it). */
    static Steps parse(String p) {
      List<long[]> sets = new ArrayList<>();
      List<Integer> kinds = new ArrayList<>();
      int i = 0;
      int end = p.length();
      boolean anchoredStart = p.startsWith("^");
      if (anchoredStart) {
        i = 1;
      }
      boolean anchoredEnd = end > i && p.charAt(end - 1) == '$' && !escaped(p, end - 1);
      if (anchoredEnd) {
        end--;
      }
      while (i < end) {
        long[] set = new long[2];
        char c = p.charAt(i);
        if (c == '[') {
          i = parseClass(p, i + 1, end, set);
          if (i < 0) {
            return null;
          }
        } else if (c == '\\') {
          if (i + 1 >= end || !escape(p.charAt(i + 1), set)) {
            return null;
          }
          i += 2;
        } else if (c >= 0x20 && c < 0x7f && "^$.|?*+()[]{}".indexOf(c) < 0) {
          add(set, c);
          i++;
        } else {
          return null;
        }
        int min = 1;
        int max = 1;
        if (i < end) {
          char q = p.charAt(i);
          if (q == '?' || q == '*' || q == '+') {
            min = q == '+' ? 1 : 0;
            max = q == '?' ? 1 : -1;
            i++;
          } else if (q == '{') {
            int close = p.indexOf('}', i);
            if (close < 0 || close >= end) {
              return null;
            }
            String body = p.substring(i + 1, close);
            if (!body.matches("[0-9]{1,3}(,([0-9]{1,3})?)?")) {
              return null;
            }
            int comma = body.indexOf(',');
            min = Integer.parseInt(comma < 0 ? body : body.substring(0, comma));
            max = comma < 0 ? min : comma == body.length() - 1 ? -1 : Integer.parseInt(body.substring(comma + 1));
            if (max >= 0 && max < min) {
              return null;
            }
            i = close + 1;
          }
          if (i < end && "?*+{".indexOf(p.charAt(i)) >= 0) {
            return null; // lazy or stacked quantifiers: leave them to the translation
          }
        }
        for (int k = 0; k < min; k++) {
          sets.add(set);
          kinds.add(ONE);
        }
        if (max < 0) {
          sets.add(set);
          kinds.add(ANY);
        } else {
          for (int k = min; k < max; k++) {
            sets.add(set);
            kinds.add(OPTIONAL);
          }
        }
        if (sets.size() > MAX_STEPS) {
          return null;
        }
      }
      return new Steps(sets, kinds, anchoredStart, anchoredEnd);
    }

    private static boolean escaped(String p, int at) {
      int backslashes = 0;
      for (int k = at - 1; k >= 0 && p.charAt(k) == '\\'; k--) {
        backslashes++;
      }
      return backslashes % 2 == 1;
    }

    /** The class body from {@code i} to its {@code ]}: ASCII characters, ranges and escapes only. */
    private static int parseClass(String p, int i, int end, long[] set) {
      if (i < end && p.charAt(i) == '^') {
        return -1;
      }
      boolean first = true;
      while (i < end) {
        char c = p.charAt(i);
        if (c == ']' && !first) {
          return i + 1;
        }
        first = false;
        long[] one = new long[2];
        int from;
        if (c == '\\') {
          if (i + 1 >= end || !escape(p.charAt(i + 1), one)) {
            return -1;
          }
          i += 2;
          from = single(one);
        } else if (c >= 0x20 && c < 0x7f && c != '[' && c != ']') {
          add(one, c);
          from = c;
          i++;
        } else {
          return -1;
        }
        if (i + 1 < end && p.charAt(i) == '-' && p.charAt(i + 1) != ']') {
          char to = p.charAt(i + 1);
          if (from < 0 || to == '\\' || to == '[' || to < 0x20 || to >= 0x7f || to < from) {
            return -1;
          }
          for (int k = from; k <= to; k++) {
            add(one, (char) k);
          }
          i += 2;
        }
        set[0] |= one[0];
        set[1] |= one[1];
      }
      return -1;
    }

    /** {@code \d}, {@code \w} and escaped ASCII punctuation; false for any other escape. */
    private static boolean escape(char e, long[] set) {
      if (e == 'd') {
        for (char k = '0'; k <= '9'; k++) {
          add(set, k);
        }
        return true;
      }
      if (e == 'w') {
        for (char k = 0; k < 128; k++) {
          if (k >= '0' && k <= '9' || k >= 'A' && k <= 'Z' || k >= 'a' && k <= 'z' || k == '_') {
            add(set, k);
          }
        }
        return true;
      }
      if (e > 0x20 && e < 0x7f && !Character.isLetterOrDigit(e)) {
        add(set, e);
        return true;
      }
      return false;
    }

    private static int single(long[] set) {
      return Long.bitCount(set[0]) + Long.bitCount(set[1]) == 1
          ? (set[0] != 0 ? Long.numberOfTrailingZeros(set[0]) : 64 + Long.numberOfTrailingZeros(set[1])) : -1;
    }

    private static void add(long[] set, char c) {
      if (c < 64) {
        set[0] |= 1L << c;
      } else {
        set[1] |= 1L << (c - 64);
      }
    }
  }
}
