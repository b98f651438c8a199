package dev.chanx.runtime.validation;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.Function;

/**
 * Converts raw path parameter values into typed ones for generated routes, failing with an
 * {@link IllegalArgumentException} that names the parameter.
 */
public final class PathParameters {

  private PathParameters() {}

  /** A string parameter. */
  public static String string(Map<String, String> raw, String name) {
    String value = raw.get(name);
    if (value == null) {
      throw new IllegalArgumentException("path parameter '" + name + "' is missing");
    }
    return value;
  }

  /** An integer parameter that fits an {@code int}. */
  public static int int32(Map<String, String> raw, String name) {
    String value = string(raw, name);
    try {
      return Integer.parseInt(value);
    } catch (NumberFormatException e) {
      throw new IllegalArgumentException(
          "path parameter '" + name + "' must be an integer from " + Integer.MIN_VALUE + " to "
              + Integer.MAX_VALUE + ", not '" + value + "'", e);
    }
  }

  /** An integer parameter that fits a {@code long}. */
  public static long int64(Map<String, String> raw, String name) {
    String value = string(raw, name);
    try {
      return Long.parseLong(value);
    } catch (NumberFormatException e) {
      throw new IllegalArgumentException(
          "path parameter '" + name + "' must be an integer, not '" + value + "'", e);
    }
  }

  /** A parameter with an {@code enum}, by each constant's wire value. */
  public static <E extends Enum<E>> E oneOf(
      Map<String, String> raw, String name, E[] constants, Function<E, String> wireValue) {
    String value = string(raw, name);
    List<String> shown = new ArrayList<>(constants.length);
    for (E constant : constants) {
      if (wireValue.apply(constant).equals(value)) {
        return constant;
      }
      shown.add("'" + wireValue.apply(constant) + "'");
    }
    throw new IllegalArgumentException(
        "path parameter '" + name + "' must be one of " + String.join(", ", shown) + ", not '" + value + "'");
  }
}
