package dev.chanx.core.codec;

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

  /**
   * A string parameter.
   *
   * @param raw the URL-decoded path parameters by name
   * @param name the parameter's name
   * @return the parameter's value
   */
  public static String string(Map<String, String> raw, String name) {
    String value = raw.get(name);
    if (value == null) {
      throw new IllegalArgumentException("path parameter '" + name + "' is missing");
    }
    return value;
  }

  /**
   * An integer parameter that fits an {@code int}.
   *
   * @param raw the URL-decoded path parameters by name
   * @param name the parameter's name
   * @return the parameter's value
   */
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

  /**
   * An integer parameter that fits a {@code long}.
   *
   * @param raw the URL-decoded path parameters by name
   * @param name the parameter's name
   * @return the parameter's value
   */
  public static long int64(Map<String, String> raw, String name) {
    String value = string(raw, name);
    try {
      return Long.parseLong(value);
    } catch (NumberFormatException e) {
      throw new IllegalArgumentException(
          "path parameter '" + name + "' must be an integer, not '" + value + "'", e);
    }
  }

  /**
   * A parameter with an {@code enum}, by each constant's wire value.
   *
   * @param <E> the enum type
   * @param raw the URL-decoded path parameters by name
   * @param name the parameter's name
   * @param constants the enum's constants
   * @param wireValue gives each constant's value on the wire
   * @return the constant whose wire value matches
   */
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
