package dev.chanx.gen.codegen;

import dev.chanx.gen.model.ApiModel;
import dev.chanx.gen.model.JsonType;
import dev.chanx.gen.model.Schema;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;

/** Decides what Java shape a schema takes, looking through references and nullable unions. */
final class Shapes {

  /** The kinds of Java a schema becomes. */
  enum Kind { RECORD, UNION, ENUM, LIST, MAP, SCALAR, CONSTANT, NULL, JSON }

  /**
   * A schema with references followed and a {@code oneOf}/{@code anyOf} of one type and null
   * reduced to that type.
   *
   * @param schema the effective, resolved schema
   * @param key what identifies it: the last reference followed, else the schema object itself
   * @param refName the component key of the named schema it is, or null when inline
   * @param nullable whether null is allowed
   * @param kind what it becomes
   * @param scalar the library type when {@code kind} is {@link Kind#SCALAR}
   */
  record Shape(Schema schema, Object key, String refName, boolean nullable, Kind kind,
      TypeRef.ScalarKind scalar) {}

  private final ApiModel model;

  Shapes(ApiModel model) {
    this.model = model;
  }

  Schema resolve(Schema schema) {
    return model.resolve(schema);
  }

  /**
   * The shape of a message's whole frame: an object even when its schema does not say so, since
   * a frame is one by the wire protocol.
   */
  Shape ofFrame(Schema payload) {
    Schema resolved = resolve(payload);
    if (resolved.types().isEmpty() && !resolved.properties().isEmpty() && branches(resolved).isEmpty()) {
      Shape shape = of(payload);
      return new Shape(shape.schema(), shape.key(), shape.refName(), shape.nullable(), Kind.RECORD, null);
    }
    return of(payload);
  }

  Shape of(Schema asWritten) {
    String ref = null;
    for (Schema s = asWritten; s.ref() != null; s = model.schemas().get(s.ref())) {
      ref = s.ref();
      if (!model.schemas().containsKey(ref)) {
        break;
      }
    }
    Schema schema = resolve(asWritten);
    Object key = ref != null ? ref : schema;
    String refName = ref == null ? null : schema.name() != null ? schema.name() : tail(ref);
    boolean nullable = schema.isNullable() || schema.enumValues().stream().anyMatch(v -> v.isNull());
    List<Schema> branches = branches(schema);
    if (!branches.isEmpty()) {
      List<Schema> present = branches.stream().filter(b -> !isNullOnly(resolve(b))).toList();
      nullable |= present.size() < branches.size();
      if (present.size() == 1 && schema.properties().isEmpty()) {
        Shape inner = of(present.get(0));
        return new Shape(inner.schema, inner.key, inner.refName, nullable || inner.nullable, inner.kind,
            inner.scalar);
      }
      boolean objects = !present.isEmpty() && present.stream()
          .allMatch(b -> isObjectLike(resolve(b)) || !schema.properties().isEmpty() && isOpenObject(resolve(b)));
      return new Shape(schema, key, refName, nullable, objects ? Kind.UNION : Kind.JSON, null);
    }
    return classify(schema, key, refName, nullable);
  }

  private Shape classify(Schema schema, Object key, String refName, boolean nullable) {
    if (constant(schema) != null) {
      return new Shape(schema, key, refName, nullable, Kind.CONSTANT, TypeRef.ScalarKind.STRING);
    }
    Set<JsonType> types = EnumSet.noneOf(JsonType.class);
    types.addAll(schema.types());
    types.remove(JsonType.NULL);
    if (types.isEmpty() && schema.isNullable()) {
      return new Shape(schema, key, refName, true, Kind.NULL, null);
    }
    if (!stringEnum(schema).isEmpty() && (types.isEmpty() || types.equals(Set.of(JsonType.STRING)))) {
      return new Shape(schema, key, refName, nullable, Kind.ENUM, null);
    }
    if (types.size() > 1) {
      return new Shape(schema, key, refName, nullable, Kind.JSON, TypeRef.ScalarKind.JSON);
    }
    // Without a type, JSON Schema allows any value, whatever properties or items say of objects and
    // arrays: only JsonNode holds them all.
    JsonType type = types.isEmpty() ? null : types.iterator().next();
    if (type == null) {
      return new Shape(schema, key, refName, nullable, Kind.JSON, TypeRef.ScalarKind.JSON);
    }
    return switch (type) {
      case OBJECT -> new Shape(schema, key, refName, nullable,
          schema.properties().isEmpty() ? Kind.MAP : Kind.RECORD, null);
      case ARRAY -> new Shape(schema, key, refName, nullable, Kind.LIST, null);
      case STRING -> scalar(schema, key, refName, nullable, stringKind(schema.format()));
      case INTEGER -> scalar(schema, key, refName, nullable,
          "int32".equals(schema.format()) ? TypeRef.ScalarKind.INT32 : TypeRef.ScalarKind.INT64);
      case NUMBER -> scalar(schema, key, refName, nullable,
          isDecimal(schema) ? TypeRef.ScalarKind.DECIMAL : TypeRef.ScalarKind.FLOAT64);
      case BOOLEAN -> scalar(schema, key, refName, nullable, TypeRef.ScalarKind.BOOLEAN);
      case NULL -> new Shape(schema, key, refName, true, Kind.NULL, null);
    };
  }

  private static Shape scalar(Schema schema, Object key, String refName, boolean nullable,
      TypeRef.ScalarKind kind) {
    return new Shape(schema, key, refName, nullable, Kind.SCALAR, kind);
  }

  private static TypeRef.ScalarKind stringKind(String format) {
    if (format == null) {
      return TypeRef.ScalarKind.STRING;
    }
    return switch (format) {
      case "date-time" -> TypeRef.ScalarKind.DATE_TIME;
      case "date" -> TypeRef.ScalarKind.DATE;
      case "uuid" -> TypeRef.ScalarKind.UUID;
      default -> TypeRef.ScalarKind.STRING;
    };
  }

  // A number whose constraints are decimals is held exactly: as a double, 0.1 + 0.2 would
  // fail multipleOf 0.1 and a bound of 0.3 could not be met exactly.
  private static boolean isDecimal(Schema schema) {
    if (schema.multipleOf() != null) {
      return true;
    }
    for (BigDecimal bound : new BigDecimal[] {
        schema.minimum(), schema.maximum(), schema.exclusiveMinimum(), schema.exclusiveMaximum()}) {
      if (bound != null && bound.stripTrailingZeros().scale() > 0) {
        return true;
      }
    }
    return false;
  }

  private static JsonType impliedType(Schema schema) {
    if (!schema.properties().isEmpty() || schema.additionalProperties() != null) {
      return JsonType.OBJECT;
    }
    if (schema.items() != null) {
      return JsonType.ARRAY;
    }
    return null;
  }

  /**
   * Why a message's payload makes no frame ({@link #ofFrame} is neither a record nor a union):
   * where the schema at fault is written and what it is, such as {@code a string schema}.
   */
  record NotAFrame(String pointer, String what, boolean messageObject) {}

  NotAFrame whyNotAFrame(Schema payload) {
    Schema schema = resolve(payload);
    List<Schema> present = presentBranches(schema);
    if (present.size() == 1 && schema.properties().isEmpty()) {
      return whyNotAFrame(present.get(0));
    }
    List<Schema> branches = branches(schema);
    for (int i = 0; i < branches.size(); i++) {
      Schema choice = resolve(branches.get(i));
      boolean fits = isNullOnly(choice) || isObjectLike(choice) || !schema.properties().isEmpty() && isOpenObject(choice);
      if (!fits) {
        String keyword = i < schema.oneOf().size() ? "oneOf" : "anyOf";
        NotAFrame inner = describe(branches.get(i));
        return new NotAFrame(inner.pointer(), "a " + keyword + " whose choice " + i + " is " + inner.what(),
            inner.messageObject());
      }
    }
    return describe(payload);
  }

  private NotAFrame describe(Schema asWritten) {
    Schema schema = resolve(asWritten);
    String ref = asWritten.ref();
    String pointer = schema.pointer().isEmpty() && ref != null ? ref : schema.pointer();
    if (ref != null && ref.matches("(.*#)?(/components/messages/[^/]+|/channels/[^/]+/messages/[^/]+)")) {
      return new NotAFrame(asWritten.pointer(), "a message object, not a schema ('" + ref + "')", true);
    }
    Set<JsonType> types = EnumSet.noneOf(JsonType.class);
    types.addAll(schema.types());
    types.remove(JsonType.NULL);
    if (types.isEmpty()) {
      return new NotAFrame(pointer, "a schema without a type or properties, which allows any value", false);
    }
    if (types.size() > 1) {
      return new NotAFrame(pointer, "a schema of several types (" + types.stream()
          .map(t -> t.name().toLowerCase(java.util.Locale.ROOT)).sorted().toList() + ")", false);
    }
    JsonType type = types.iterator().next();
    String name = type.name().toLowerCase(java.util.Locale.ROOT);
    String article = type == JsonType.ARRAY || type == JsonType.INTEGER || type == JsonType.OBJECT ? "an " : "a ";
    String format = schema.format() == null ? "" : " (format " + schema.format() + ")";
    return new NotAFrame(pointer, type == JsonType.OBJECT ? "an object schema with neither properties nor choices"
        : article + name + " schema" + format, false);
  }

  /** The non-null branches of a {@code oneOf} then {@code anyOf}, as written. */
  List<Schema> branches(Schema schema) {
    List<Schema> all = new ArrayList<>(schema.oneOf());
    all.addAll(schema.anyOf());
    return all;
  }

  List<Schema> presentBranches(Schema schema) {
    return branches(schema).stream().filter(b -> !isNullOnly(resolve(b))).toList();
  }

  boolean isObjectLike(Schema resolved) {
    return branches(resolved).isEmpty() && constant(resolved) == null
        && (!resolved.properties().isEmpty());
  }

  // A branch with no properties of its own still makes a record once the union's own
  // properties are merged into it.
  private boolean isOpenObject(Schema resolved) {
    return branches(resolved).isEmpty()
        && (resolved.types().isEmpty() || resolved.types().contains(JsonType.OBJECT));
  }

  static boolean isNullOnly(Schema resolved) {
    return resolved.types().equals(Set.of(JsonType.NULL)) && resolved.properties().isEmpty();
  }

  /** A string {@code const}, or a one-value string {@code enum}; else null. */
  static String constant(Schema schema) {
    if (schema.constValue() != null) {
      return schema.constValue().isTextual() ? schema.constValue().textValue() : null;
    }
    List<String> values = stringEnum(schema);
    return values.size() == 1 && schema.enumValues().size() == 1 ? values.get(0) : null;
  }

  /** The string values of an {@code enum} whose values are all strings (or null); else empty. */
  static List<String> stringEnum(Schema schema) {
    List<String> out = new ArrayList<>();
    for (var value : schema.enumValues()) {
      if (value.isTextual()) {
        out.add(value.textValue());
      } else if (!value.isNull()) {
        return List.of();
      }
    }
    return out;
  }

  private static String tail(String ref) {
    return ref.substring(ref.lastIndexOf('/') + 1);
  }
}
