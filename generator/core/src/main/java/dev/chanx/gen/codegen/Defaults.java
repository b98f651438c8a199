package dev.chanx.gen.codegen;

import com.fasterxml.jackson.databind.JsonNode;
import com.palantir.javapoet.CodeBlock;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.format.DateTimeParseException;
import java.util.UUID;

/**
 * Writes a schema's {@code default} as a Java expression of the component's type. Defaults that
 * do not fit the type, and object defaults, are left out: the value is then null when absent.
 */
final class Defaults {

  private Defaults() {}

  static CodeBlock of(TypeRef type, JsonNode value) {
    if (type instanceof TypeRef.Scalar scalar) {
      return scalar(scalar.kind(), value);
    }
    if (type instanceof TypeRef.Named named && named.decl() instanceof EnumDecl e && value.isTextual()) {
      int i = e.wireValues().indexOf(value.textValue());
      return i < 0 ? null : CodeBlock.of("$T.$N", e.name(), e.constants().get(i));
    }
    if (type instanceof TypeRef.ListOf && value.isArray() && value.isEmpty()) {
      return CodeBlock.of("$T.of()", Types.LIST);
    }
    return null;
  }

  private static CodeBlock scalar(TypeRef.ScalarKind kind, JsonNode value) {
    return switch (kind) {
      case STRING -> value.isTextual() ? CodeBlock.of("$S", value.textValue()) : null;
      case INT32 -> value.isIntegralNumber() && value.canConvertToInt() ? CodeBlock.of("$L", value.intValue()) : null;
      case INT64 -> value.isIntegralNumber() && value.canConvertToLong()
          ? CodeBlock.of("$LL", value.longValue()) : null;
      case FLOAT64 -> value.isNumber() && Double.isFinite(value.doubleValue())
          ? CodeBlock.of("$L", Double.toString(value.doubleValue())) : null;
      case DECIMAL -> value.isNumber()
          ? CodeBlock.of("new $T($S)", Types.BIG_DECIMAL, value.decimalValue().toPlainString()) : null;
      case BOOLEAN -> value.isBoolean() ? CodeBlock.of("$L", value.booleanValue()) : null;
      case UUID -> parses(value, UUID::fromString) ? CodeBlock.of("$T.fromString($S)", Types.UUID, value.textValue())
          : null;
      case DATE_TIME -> parses(value, OffsetDateTime::parse)
          ? CodeBlock.of("$T.parse($S)", Types.OFFSET_DATE_TIME, value.textValue()) : null;
      case DATE -> parses(value, LocalDate::parse) ? CodeBlock.of("$T.parse($S)", Types.LOCAL_DATE, value.textValue())
          : null;
      case JSON -> null;
    };
  }

  private static boolean parses(JsonNode value, java.util.function.Function<String, ?> parser) {
    if (!value.isTextual()) {
      return false;
    }
    try {
      parser.apply(value.textValue());
      return true;
    } catch (IllegalArgumentException | DateTimeParseException e) {
      return false;
    }
  }
}
