package dev.chanx.gen.read;

import dev.chanx.gen.model.JsonType;
import dev.chanx.gen.model.Schema;
import java.util.EnumSet;
import java.util.Map;
import java.util.Set;
import java.util.function.UnaryOperator;

/**
 * Merges two schemas into one that asks for both, as {@code allOf} means. Values of the first
 * win where both have one; properties and required names are united; types are intersected.
 */
final class SchemaMerge {

  private SchemaMerge() {}

  /**
   * @param deref turns a reference into the named schema it points at (or returns it unchanged
   *     while that schema is still being read)
   */
  static Schema merge(Schema a, Schema b, UnaryOperator<Schema> deref) {
    if (a.ref() != null && a.ref().equals(b.ref())) {
      return a;
    }
    Schema x = a.ref() != null ? withPointer(deref.apply(a), a.pointer()) : a;
    Schema y = b.ref() != null ? deref.apply(b) : b;
    Schema.Builder out = x.toBuilder();
    Set<JsonType> types = intersect(x.types(), y.types());
    out.clearTypes();
    types.forEach(out::type);
    if (x.format() == null) out.format(y.format());
    if (x.constValue() == null) out.constValue(y.constValue());
    if (x.enumValues().isEmpty()) y.enumValues().forEach(out::enumValue);
    if (x.defaultValue() == null) out.defaultValue(y.defaultValue());
    if (x.examples().isEmpty()) y.examples().forEach(out::example);
    out.deprecated(x.deprecated() || y.deprecated());
    if (x.minLength() == null) out.minLength(y.minLength());
    if (x.maxLength() == null) out.maxLength(y.maxLength());
    if (x.pattern() == null) out.pattern(y.pattern());
    if (x.minimum() == null) out.minimum(y.minimum());
    if (x.maximum() == null) out.maximum(y.maximum());
    if (x.exclusiveMinimum() == null) out.exclusiveMinimum(y.exclusiveMinimum());
    if (x.exclusiveMaximum() == null) out.exclusiveMaximum(y.exclusiveMaximum());
    if (x.multipleOf() == null) out.multipleOf(y.multipleOf());
    if (x.items() == null) out.items(y.items());
    if (x.minItems() == null) out.minItems(y.minItems());
    if (x.maxItems() == null) out.maxItems(y.maxItems());
    out.uniqueItems(x.uniqueItems() || y.uniqueItems());
    for (Map.Entry<String, Schema> p : y.properties().entrySet()) {
      Schema mine = x.properties().get(p.getKey());
      out.property(p.getKey(), mine == null ? p.getValue() : merge(mine, p.getValue(), deref));
    }
    y.required().forEach(out::required);
    if (x.additionalPropertiesAllowed() == null) out.additionalPropertiesAllowed(y.additionalPropertiesAllowed());
    if (x.additionalProperties() == null) out.additionalProperties(y.additionalProperties());
    y.oneOf().forEach(out::oneOf);
    y.anyOf().forEach(out::anyOf);
    if (x.discriminator() == null) out.discriminator(y.discriminator());
    if (x.title() == null) out.title(y.title());
    if (x.description() == null) out.description(y.description());
    return out.build();
  }

  private static Schema withPointer(Schema s, String pointer) {
    return s.toBuilder().pointer(pointer).name(null).build();
  }

  /** Both sets' common types; an empty set means "any", so it yields to the other. */
  static Set<JsonType> intersect(Set<JsonType> a, Set<JsonType> b) {
    if (a.isEmpty()) {
      return b;
    }
    if (b.isEmpty()) {
      return a;
    }
    Set<JsonType> both = EnumSet.copyOf(a);
    both.retainAll(b);
    // JSON Schema: integer is a number.
    if (both.isEmpty() && a.contains(JsonType.NUMBER) && b.contains(JsonType.INTEGER)
        || both.isEmpty() && a.contains(JsonType.INTEGER) && b.contains(JsonType.NUMBER)) {
      both.add(JsonType.INTEGER);
    }
    return both.isEmpty() ? a : both;
  }
}
