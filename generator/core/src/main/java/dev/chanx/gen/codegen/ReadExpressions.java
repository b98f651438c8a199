package dev.chanx.gen.codegen;

import com.palantir.javapoet.ClassName;
import com.palantir.javapoet.CodeBlock;
import com.palantir.javapoet.FieldSpec;
import com.palantir.javapoet.ParameterizedTypeName;
import com.palantir.javapoet.TypeName;
import dev.chanx.gen.model.Schema;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import javax.lang.model.element.Modifier;

/**
 * Builds the {@code ValueReader} expression that reads a type: a method reference for plain
 * values and generated types, or a static constant for a rule (a compiled pattern, bounds, a list
 * or map reader), each constant declared once and before the constants that use it.
 */
final class ReadExpressions {

  private final ClassName reader;
  private final Names names = Names.members(List.of());
  private final Map<String, String> byInitializer = new HashMap<>();
  private final List<FieldSpec> constants = new ArrayList<>();

  ReadExpressions(ClassName reader) {
    this.reader = reader;
  }

  /** The constants needed so far, in the order they must be declared. */
  List<FieldSpec> constants() {
    return constants;
  }

  /** A {@code ValueReader} for the type; {@code place} names a constant it needs. */
  CodeBlock reader(TypeRef type, String place) {
    if (type instanceof TypeRef.Scalar scalar) {
      CodeBlock rule = rule(scalar);
      return rule == null ? CodeBlock.of("$T::$L", Types.READ, scalar.kind().reader())
          : constant(place, Types.valueReader(type.javaType(true)), rule);
    }
    if (type instanceof TypeRef.Named named) {
      if (named.decl() instanceof EnumDecl) {
        return constant(named.name().simpleName(), Types.valueReader(named.name()),
            CodeBlock.of("$T.enumOf($T.values(), $T::wireValue)", Types.READ, named.name(), named.name()));
      }
      return CodeBlock.of("$T::$N", reader, ReaderWriter.method(named.decl()));
    }
    if (type instanceof TypeRef.ListOf list) {
      CodeBlock item = orNull(reader(list.item(), place + "Item"), list.itemNullable());
      CodeBlock.Builder init = CodeBlock.builder().add("$T.listOf($L)", Types.READ, item);
      if (list.schema() != null && list.schema().minItems() != null) {
        init.add(".minItems($L)", list.schema().minItems());
      }
      if (list.schema() != null && list.schema().maxItems() != null) {
        init.add(".maxItems($L)", list.schema().maxItems());
      }
      return constant(place, Types.valueReader(type.javaType(true)), init.build());
    }
    TypeRef.MapOf map = (TypeRef.MapOf) type;
    CodeBlock value = orNull(reader(map.value(), place + "Value"), map.valueNullable());
    return constant(place, Types.valueReader(type.javaType(true)), CodeBlock.of("$T.mapOf($L)", Types.READ, value));
  }

  private static CodeBlock orNull(CodeBlock reader, boolean nullable) {
    return nullable ? CodeBlock.of("$T.orNull($L)", Types.READ, reader) : reader;
  }

  /** The constant holding the keys a closed record allows. */
  CodeBlock keys(RecordDecl record) {
    List<String> keys = new ArrayList<>(record.schema().properties().keySet());
    if (record.frame()) {
      // Chanx reserves these top-level keys for topics; they are never extra.
      for (String reserved : List.of("version", "topic", "ref", "seq")) {
        if (!keys.contains(reserved)) {
          keys.add(reserved);
        }
      }
    }
    CodeBlock init = CodeBlock.of("$T.of($L)", Types.SET,
        keys.stream().map(k -> CodeBlock.of("$S", k)).collect(CodeBlock.joining(",$W")));
    return constant(record.name().simpleName() + "Keys", ParameterizedTypeName.get(Types.SET, Types.STRING), init);
  }

  private CodeBlock constant(String place, TypeName type, CodeBlock initializer) {
    String key = type + " = " + initializer;
    String name = byInitializer.get(key);
    if (name == null) {
      name = names.allocate(Names.upperSnake(place, "READER"));
      byInitializer.put(key, name);
      constants.add(FieldSpec.builder(type, name, Modifier.PRIVATE, Modifier.STATIC, Modifier.FINAL)
          .initializer(initializer)
          .build());
    }
    return CodeBlock.of("$N", name);
  }

  /** The rule for a scalar with constraints, or null when a plain reader will do. */
  static CodeBlock rule(TypeRef.Scalar scalar) {
    Schema s = scalar.schema();
    if (s == null) {
      return null;
    }
    CodeBlock.Builder rule = CodeBlock.builder();
    boolean any = false;
    if (scalar.kind() == TypeRef.ScalarKind.STRING) {
      rule.add("$T.create()", Types.STRING_RULE);
      if (s.minLength() != null) {
        rule.add(".minLength($L)", s.minLength());
        any = true;
      }
      if (s.maxLength() != null) {
        rule.add(".maxLength($L)", s.maxLength());
        any = true;
      }
      if (s.pattern() != null) {
        rule.add(".pattern($S)", s.pattern());
        any = true;
      }
      return any ? rule.build() : null;
    }
    if (!scalar.kind().isNumber()) {
      return null;
    }
    rule.add("$T.$L()", Types.NUMBER_RULE, scalar.kind().reader());
    any |= bound(rule, "minimum", s.minimum());
    any |= bound(rule, "exclusiveMinimum", s.exclusiveMinimum());
    any |= bound(rule, "maximum", s.maximum());
    any |= bound(rule, "exclusiveMaximum", s.exclusiveMaximum());
    any |= bound(rule, "multipleOf", s.multipleOf());
    List<CodeBlock> allowed = s.enumValues().stream()
        .filter(v -> v.isNumber())
        .map(v -> CodeBlock.of("$S", v.decimalValue().toPlainString()))
        .toList();
    if (!allowed.isEmpty()) {
      rule.add(".oneOf($L)", CodeBlock.join(allowed, ", "));
      any = true;
    }
    return any ? rule.build() : null;
  }

  // Bounds go in as the document's text, so that the runtime compares exact decimals.
  private static boolean bound(CodeBlock.Builder rule, String name, BigDecimal value) {
    if (value == null) {
      return false;
    }
    rule.add(".$L($S)", name, value.toPlainString());
    return true;
  }
}
