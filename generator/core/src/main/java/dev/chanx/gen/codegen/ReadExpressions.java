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
 * Builds the expressions that read a type: a {@code ValueReader} for the tree path and a
 * {@code StreamReader} for the quick path. Each is a method reference for plain values and
 * generated types, or a static constant for a rule (a compiled pattern, bounds, an enum, a list or
 * map reader), which serves both paths, declared once and before the constants that use it.
 */
final class ReadExpressions {

  private final ClassName reader;
  private final QuickPath quick;
  private final Names names;
  private final Map<String, String> byKey = new HashMap<>();
  private final List<FieldSpec> constants = new ArrayList<>();

  /**
   * @param types the simple names of the types the constants' code refers to: a constant named
   *     like one ({@code X} for an enum {@code X}) would hide it
   */
  ReadExpressions(ClassName reader, QuickPath quick, List<String> types) {
    this.reader = reader;
    this.quick = quick;
    this.names = Names.members(types);
  }

  /** The constants needed so far, in the order they must be declared. */
  List<FieldSpec> constants() {
    return constants;
  }

  /** A {@code ValueReader} for the type; {@code place} names a constant it needs. */
  CodeBlock reader(TypeRef type, String place) {
    return expression(type, place).code();
  }

  /** A call that reads the type from the parser {@code json}, which is on the value's first token. */
  CodeBlock streamCall(TypeRef type, String place) {
    return expression(type, place).streamCall();
  }

  /**
   * An expression and a key that identifies what it reads, with the {@code StreamReader} that
   * reads the same from a parser and a call of it, both null where the quick path reads no such
   * value. The key is spelled out rather than taken from the code:
   * JavaPoet drops the text after a wrap point when printing a CodeBlock.
   */
  private record Expression(CodeBlock code, String key, CodeBlock stream, CodeBlock streamCall) {}

  /** A constant's expression: the constant serves both paths. */
  private static Expression shared(CodeBlock constant, String key) {
    return new Expression(constant, key, constant, CodeBlock.of("$L.read(json)", constant));
  }

  /**
   * A method reference, and a direct call of the method for when the type is read in place;
   * without the stream method when the quick path does not read the value.
   */
  private Expression methods(CodeBlock tree, String key, ClassName owner, String streamMethod, boolean streamed) {
    if (!streamed) {
      return new Expression(tree, key, null, null);
    }
    return new Expression(tree, key, CodeBlock.of("$T::$N", owner, streamMethod), owner.equals(reader)
        ? CodeBlock.of("$N(json)", streamMethod) : CodeBlock.of("$T.$N(json)", owner, streamMethod));
  }

  private Expression expression(TypeRef type, String place) {
    if (type instanceof TypeRef.Scalar scalar) {
      Rule rule = rule(scalar);
      if (rule == null) {
        CodeBlock plain = CodeBlock.of("$T::$L", Types.READ, scalar.kind().reader());
        return methods(plain, plain.toString(), Types.TOKENS, scalar.kind().reader(), !quick.isEmpty());
      }
      TypeName ruleType = scalar.kind() == TypeRef.ScalarKind.STRING ? Types.STRING_RULE
          : ParameterizedTypeName.get(Types.NUMBER_RULE, type.javaType(true));
      return constant(place, ruleType, rule.code(), rule.key());
    }
    if (type instanceof TypeRef.Named named) {
      if (named.decl() instanceof EnumDecl) {
        return constant(named.name().simpleName(), ParameterizedTypeName.get(Types.ENUM_READER, named.name()),
            CodeBlock.of("$T.enumOf($T.values(),$W$T::wireValue)", Types.READ, named.name(), named.name()),
            "enum " + named.name());
      }
      CodeBlock method = CodeBlock.of("$T::$N", reader, ReaderWriter.method(named.decl()));
      return methods(method, method.toString(), reader, ReaderWriter.streamMethod(named.decl()),
          quick.readsValue(named.decl()));
    }
    if (type instanceof TypeRef.ListOf list) {
      Expression item = orNull(expression(list.item(), place + "Item"), list.itemNullable());
      CodeBlock.Builder init = CodeBlock.builder().add("$T.listOf($L)", Types.READ, item.code());
      StringBuilder key = new StringBuilder("list of ").append(item.key());
      if (list.schema() != null && list.schema().minItems() != null) {
        init.add("$Z.minItems($L)", list.schema().minItems());
        key.append(" minItems ").append(list.schema().minItems());
      }
      if (list.schema() != null && list.schema().maxItems() != null) {
        init.add("$Z.maxItems($L)", list.schema().maxItems());
        key.append(" maxItems ").append(list.schema().maxItems());
      }
      if (item.stream() != null) {
        init.add("$Z.streaming($L)", item.stream());
      }
      return constant(place, ParameterizedTypeName.get(Types.LIST_READER, list.item().javaType(true)), init.build(),
          key.toString());
    }
    TypeRef.MapOf map = (TypeRef.MapOf) type;
    Expression value = orNull(expression(map.value(), place + "Value"), map.valueNullable());
    CodeBlock init = value.stream() == null ? CodeBlock.of("$T.mapOf($L)", Types.READ, value.code())
        : CodeBlock.of("$T.mapOf($L)$Z.streaming($L)", Types.READ, value.code(), value.stream());
    return constant(place, ParameterizedTypeName.get(Types.MAP_READER, map.value().javaType(true)), init,
        "map of " + value.key());
  }

  private static Expression orNull(Expression reader, boolean nullable) {
    if (!nullable) {
      return reader;
    }
    CodeBlock stream = reader.stream() == null ? null : CodeBlock.of("$T.orNull($L)", Types.TOKENS, reader.stream());
    return new Expression(CodeBlock.of("$T.orNull($L)", Types.READ, reader.code()), "or null " + reader.key(), stream,
        null);
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
    return constant(record.name().simpleName() + "Keys", ParameterizedTypeName.get(Types.SET, Types.STRING), init,
        "keys " + keys).code();
  }

  private Expression constant(String place, TypeName type, CodeBlock initializer, String key) {
    String name = byKey.get(key);
    if (name == null) {
      name = names.allocate(Names.upperSnake(place, "READER"));
      byKey.put(key, name);
      constants.add(FieldSpec.builder(type, name, Modifier.PRIVATE, Modifier.STATIC, Modifier.FINAL)
          .initializer(initializer)
          .build());
    }
    return shared(CodeBlock.of("$N", name), "constant " + name);
  }

  /** A rule's code and the key naming its constraints. */
  record Rule(CodeBlock code, String key) {}

  /** The rule for a scalar with constraints, or null when a plain reader will do. */
  static Rule rule(TypeRef.Scalar scalar) {
    Schema s = scalar.schema();
    if (s == null) {
      return null;
    }
    CodeBlock.Builder rule = CodeBlock.builder();
    StringBuilder key = new StringBuilder(scalar.kind().name());
    if (scalar.kind() == TypeRef.ScalarKind.STRING) {
      rule.add("$T.create()", Types.STRING_RULE);
      step(rule, key, "minLength", s.minLength(), "$L");
      step(rule, key, "maxLength", s.maxLength(), "$L");
      step(rule, key, "pattern", s.pattern(), "$S");
    } else if (scalar.kind().isNumber()) {
      rule.add("$T.$L()", Types.NUMBER_RULE, scalar.kind().reader());
      // Bounds go in as the document's text, so that the runtime compares exact decimals.
      step(rule, key, "minimum", plain(s.minimum()), "$S");
      step(rule, key, "exclusiveMinimum", plain(s.exclusiveMinimum()), "$S");
      step(rule, key, "maximum", plain(s.maximum()), "$S");
      step(rule, key, "exclusiveMaximum", plain(s.exclusiveMaximum()), "$S");
      step(rule, key, "multipleOf", plain(s.multipleOf()), "$S");
      List<String> allowed = s.enumValues().stream()
          .filter(v -> v.isNumber())
          .map(v -> v.decimalValue().toPlainString())
          .toList();
      if (s.constValue() != null && s.constValue().isNumber()) {
        step(rule, key, "constant", s.constValue().decimalValue().toPlainString(), "$S");
      }
      if (!allowed.isEmpty()) {
        rule.add("$Z.oneOf($L)", allowed.stream().map(v -> CodeBlock.of("$S", v)).collect(CodeBlock.joining(", ")));
        key.append(" oneOf ").append(allowed);
      }
    } else {
      return null;
    }
    return key.indexOf(" ") < 0 ? null : new Rule(rule.build(), key.toString());
  }

  private static void step(CodeBlock.Builder rule, StringBuilder key, String name, Object value, String format) {
    if (value != null) {
      rule.add("$Z.$L(" + format + ")", name, value);
      key.append(' ').append(name).append(' ').append(value);
    }
  }

  private static String plain(BigDecimal value) {
    return value == null ? null : value.toPlainString();
  }
}
