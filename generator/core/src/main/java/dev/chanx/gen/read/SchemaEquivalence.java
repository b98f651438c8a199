package dev.chanx.gen.read;

import dev.chanx.gen.model.Schema;
import java.math.BigDecimal;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * Whether two schemas accept the same values the same way, wherever each is written: what they
 * say about values counts, annotations ({@code title}, {@code description}, {@code examples},
 * {@code deprecated}) and places do not. Named schemas are the same when they are the same
 * reference.
 */
final class SchemaEquivalence {

  private SchemaEquivalence() {}

  static boolean same(Schema a, Schema b) {
    if (a == b) {
      return true;
    }
    if (a == null || b == null) {
      return false;
    }
    return Objects.equals(a.ref(), b.ref())
        && a.types().equals(b.types())
        && Objects.equals(a.format(), b.format())
        && Objects.equals(a.constValue(), b.constValue())
        && a.enumValues().equals(b.enumValues())
        && Objects.equals(a.defaultValue(), b.defaultValue())
        && Objects.equals(a.minLength(), b.minLength())
        && Objects.equals(a.maxLength(), b.maxLength())
        && Objects.equals(a.pattern(), b.pattern())
        && number(a.minimum(), b.minimum())
        && number(a.maximum(), b.maximum())
        && number(a.exclusiveMinimum(), b.exclusiveMinimum())
        && number(a.exclusiveMaximum(), b.exclusiveMaximum())
        && number(a.multipleOf(), b.multipleOf())
        && same(a.items(), b.items())
        && Objects.equals(a.minItems(), b.minItems())
        && Objects.equals(a.maxItems(), b.maxItems())
        && a.uniqueItems() == b.uniqueItems()
        && same(a.properties(), b.properties())
        && new HashSet<>(a.required()).equals(new HashSet<>(b.required()))
        && Objects.equals(a.additionalPropertiesAllowed(), b.additionalPropertiesAllowed())
        && same(a.additionalProperties(), b.additionalProperties())
        && same(a.oneOf(), b.oneOf())
        && same(a.anyOf(), b.anyOf())
        && Objects.equals(a.discriminator(), b.discriminator());
  }

  private static boolean number(BigDecimal a, BigDecimal b) {
    return a == null ? b == null : b != null && a.compareTo(b) == 0;
  }

  private static boolean same(Map<String, Schema> a, Map<String, Schema> b) {
    if (!a.keySet().equals(b.keySet())) {
      return false;
    }
    return a.keySet().stream().allMatch(k -> same(a.get(k), b.get(k)));
  }

  private static boolean same(List<Schema> a, List<Schema> b) {
    if (a.size() != b.size()) {
      return false;
    }
    for (int i = 0; i < a.size(); i++) {
      if (!same(a.get(i), b.get(i))) {
        return false;
      }
    }
    return true;
  }
}
