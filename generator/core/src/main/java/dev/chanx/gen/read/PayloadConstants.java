package dev.chanx.gen.read;

import com.fasterxml.jackson.databind.JsonNode;
import dev.chanx.gen.model.Schema;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.function.UnaryOperator;

/**
 * The constant a frame's top-level property has in a message, such as {@code action: ping}: a
 * string {@code const} or a one-value {@code enum}, after following references. A payload that
 * is a {@code oneOf}/{@code anyOf} has the constant when every choice has the same one.
 */
final class PayloadConstants {

  private static final int MAX_DEPTH = 8;

  private PayloadConstants() {}

  static String of(Schema payload, String property, UnaryOperator<Schema> deref) {
    return of(payload, property, deref, 0);
  }

  /**
   * The string values a frame's top-level property may take in a message: its constant, or every
   * value of an {@code enum} of strings; for a payload that is a {@code oneOf}/{@code anyOf}, those
   * of every choice when each has some. Empty when the property may take other values.
   */
  static List<String> values(Schema payload, String property, UnaryOperator<Schema> deref) {
    return List.copyOf(values(payload, property, deref, 0));
  }

  private static Set<String> values(Schema payload, String property, UnaryOperator<Schema> deref, int depth) {
    Schema s = deref.apply(payload);
    Schema p = s.properties().get(property);
    Set<String> out = new java.util.LinkedHashSet<>();
    if (p != null) {
      Schema value = deref.apply(p);
      String constant = constant(value);
      if (constant != null) {
        out.add(constant);
      } else if (value.constValue() == null && !value.enumValues().isEmpty()
          && value.enumValues().stream().allMatch(JsonNode::isTextual)) {
        value.enumValues().forEach(v -> out.add(v.asText()));
      }
      return out;
    }
    List<Schema> choices = !s.oneOf().isEmpty() ? s.oneOf() : s.anyOf();
    if (depth >= MAX_DEPTH) {
      return out;
    }
    for (Schema choice : choices) {
      Set<String> some = values(choice, property, deref, depth + 1);
      if (some.isEmpty()) {
        return new java.util.LinkedHashSet<>();
      }
      out.addAll(some);
    }
    return out;
  }

  /** The top-level property names of a payload, including those of its choices. */
  static Set<String> names(Schema payload, UnaryOperator<Schema> deref) {
    Set<String> names = new TreeSet<>();
    collect(payload, deref, names, 0);
    return names;
  }

  private static String of(Schema payload, String property, UnaryOperator<Schema> deref, int depth) {
    Schema s = deref.apply(payload);
    Schema p = s.properties().get(property);
    if (p != null) {
      return constant(deref.apply(p));
    }
    List<Schema> choices = !s.oneOf().isEmpty() ? s.oneOf() : s.anyOf();
    if (choices.isEmpty() || depth >= MAX_DEPTH) {
      return null;
    }
    String common = null;
    for (Schema choice : choices) {
      String value = of(choice, property, deref, depth + 1);
      if (value == null || common != null && !common.equals(value)) {
        return null;
      }
      common = value;
    }
    return common;
  }

  private static String constant(Schema property) {
    JsonNode c = property.constValue();
    if (c != null && c.isTextual()) {
      return c.asText();
    }
    if (property.enumValues().size() == 1 && property.enumValues().get(0).isTextual()) {
      return property.enumValues().get(0).asText();
    }
    return null;
  }

  private static void collect(Schema payload, UnaryOperator<Schema> deref, Set<String> names, int depth) {
    Schema s = deref.apply(payload);
    names.addAll(s.properties().keySet());
    if (depth < MAX_DEPTH) {
      s.oneOf().forEach(c -> collect(c, deref, names, depth + 1));
      s.anyOf().forEach(c -> collect(c, deref, names, depth + 1));
    }
  }
}
