package dev.chanx.bench.observe;

import java.util.OptionalLong;

/**
 * A whole-number switch of the observed server, {@code -Dchanx.bench.<name>=N}: read strictly, so
 * that a run given {@code =four} or {@code =-1} stops before the server starts instead of
 * measuring the default under the name of the experiment ({@link Long#getLong} would return it).
 */
final class CountSwitch {

  private CountSwitch() {}

  /** {@return the switch's value, empty when it is not given} */
  static OptionalLong of(String name) {
    String property = "chanx.bench." + name;
    String given = System.getProperty(property);
    if (given == null) {
      return OptionalLong.empty();
    }
    long value;
    try {
      value = Long.parseLong(given.trim());
    } catch (NumberFormatException e) {
      throw new IllegalArgumentException("-D" + property + " takes a whole number, 0 or more, not '" + given + "'");
    }
    if (value < 0) {
      throw new IllegalArgumentException("-D" + property + " takes 0 or more, not " + value);
    }
    return OptionalLong.of(value);
  }

  /** {@return the switch's value, or {@code fallback} when it is not given} */
  static long of(String name, long fallback) {
    return of(name).orElse(fallback);
  }
}
