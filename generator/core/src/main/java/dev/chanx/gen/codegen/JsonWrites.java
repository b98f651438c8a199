package dev.chanx.gen.codegen;

import com.palantir.javapoet.CodeBlock;
import com.palantir.javapoet.ParameterizedTypeName;
import com.palantir.javapoet.TypeName;

/**
 * The statements that write a record's properties with a Jackson {@code JsonGenerator}: one call
 * per value, no reflection. Absent optional values are left out; null-typed properties are always
 * written as null, as Chanx does.
 */
final class JsonWrites {

  private final String out;
  private final Names locals;

  /**
   * @param out the generator's variable
   * @param locals the scope for loop variables, holding the component names already
   */
  JsonWrites(String out, Names locals) {
    this.out = out;
    this.locals = locals;
  }

  /** Writes one property, name and value. */
  CodeBlock property(Property p) {
    return switch (p.role()) {
      case CONSTANT -> CodeBlock.of("$L.writeStringField($S, $N);\n", out, p.wireName(), p.constantName());
      case NULL -> CodeBlock.of("$L.writeNullField($S);\n", out, p.wireName());
      case COMPONENT -> component(p);
    };
  }

  private CodeBlock component(Property p) {
    CodeBlock write = field(p.wireName(), p.type(), CodeBlock.of("$N", p.javaName()));
    if (!p.boxed()) {
      return write;
    }
    CodeBlock.Builder code = CodeBlock.builder();
    if (p.required()) {
      // Present but null: the schema allows null and requires the key.
      code.beginControlFlow("if ($N == null)", p.javaName())
          .addStatement("$L.writeNullField($S)", out, p.wireName())
          .nextControlFlow("else");
    } else {
      code.beginControlFlow("if ($N != null)", p.javaName());
    }
    return code.add(write).endControlFlow().build();
  }

  private CodeBlock field(String wire, TypeRef type, CodeBlock value) {
    if (type instanceof TypeRef.Scalar scalar) {
      return switch (scalar.kind()) {
        case STRING -> CodeBlock.of("$L.writeStringField($S, $L);\n", out, wire, value);
        case INT32, INT64, FLOAT64, DECIMAL -> CodeBlock.of("$L.writeNumberField($S, $L);\n", out, wire, value);
        case BOOLEAN -> CodeBlock.of("$L.writeBooleanField($S, $L);\n", out, wire, value);
        case UUID, DATE -> CodeBlock.of("$L.writeStringField($S, $L.toString());\n", out, wire, value);
        case DATE_TIME -> CodeBlock.of("$L.writeStringField($S, $L.format($T.ISO_OFFSET_DATE_TIME));\n",
            out, wire, value, Types.DATE_TIME_FORMATTER);
        case JSON -> CodeBlock.of("$L.writeFieldName($S);\n$L", out, wire, value(type, value));
      };
    }
    if (type instanceof TypeRef.Named named && named.decl() instanceof EnumDecl) {
      return CodeBlock.of("$L.writeStringField($S, $L.wireValue());\n", out, wire, value);
    }
    return CodeBlock.of("$L.writeFieldName($S);\n$L", out, wire, value(type, value));
  }

  /** Writes one value. */
  CodeBlock value(TypeRef type, CodeBlock value) {
    if (type instanceof TypeRef.Scalar scalar) {
      return switch (scalar.kind()) {
        case STRING -> CodeBlock.of("$L.writeString($L);\n", out, value);
        case INT32, INT64, FLOAT64, DECIMAL -> CodeBlock.of("$L.writeNumber($L);\n", out, value);
        case BOOLEAN -> CodeBlock.of("$L.writeBoolean($L);\n", out, value);
        case UUID, DATE -> CodeBlock.of("$L.writeString($L.toString());\n", out, value);
        case DATE_TIME -> CodeBlock.of("$L.writeString($L.format($T.ISO_OFFSET_DATE_TIME));\n",
            out, value, Types.DATE_TIME_FORMATTER);
        case JSON -> CodeBlock.of("$T.tree($L, $L);\n", Types.WRITE, out, value);
      };
    }
    if (type instanceof TypeRef.Named named) {
      return named.decl() instanceof EnumDecl
          ? CodeBlock.of("$L.writeString($L.wireValue());\n", out, value)
          : CodeBlock.of("$L.writeJson($L);\n", value, out);
    }
    if (type instanceof TypeRef.ListOf list) {
      String item = locals.allocate("item");
      return CodeBlock.builder()
          .addStatement("$L.writeStartArray()", out)
          .beginControlFlow("for ($T $N : $L)", list.item().javaType(true), item, value)
          .add(nullable(list.item(), list.itemNullable(), item))
          .endControlFlow()
          .addStatement("$L.writeEndArray()", out)
          .build();
    }
    TypeRef.MapOf map = (TypeRef.MapOf) type;
    String entry = locals.allocate("entry");
    TypeName entryType = ParameterizedTypeName.get(Types.MAP.nestedClass("Entry"), Types.STRING,
        map.value().javaType(true));
    String entryValue = locals.allocate(entry + "Value");
    return CodeBlock.builder()
        .addStatement("$L.writeStartObject()", out)
        .beginControlFlow("for ($T $N : $L.entrySet())", entryType, entry, value)
        .addStatement("$L.writeFieldName($N.getKey())", out, entry)
        .addStatement("$T $N = $N.getValue()", map.value().javaType(true), entryValue, entry)
        .add(nullable(map.value(), map.valueNullable(), entryValue))
        .endControlFlow()
        .addStatement("$L.writeEndObject()", out)
        .build();
  }

  private CodeBlock nullable(TypeRef type, boolean nullable, String variable) {
    CodeBlock write = value(type, CodeBlock.of("$N", variable));
    if (!nullable) {
      return write;
    }
    return CodeBlock.builder()
        .beginControlFlow("if ($N == null)", variable)
        .addStatement("$L.writeNull()", out)
        .nextControlFlow("else")
        .add(write)
        .endControlFlow()
        .build();
  }
}
