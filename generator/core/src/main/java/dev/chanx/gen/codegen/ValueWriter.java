package dev.chanx.gen.codegen;

import com.palantir.javapoet.ArrayTypeName;
import com.palantir.javapoet.CodeBlock;
import com.palantir.javapoet.MethodSpec;
import com.palantir.javapoet.ParameterSpec;
import com.palantir.javapoet.TypeName;
import com.palantir.javapoet.TypeSpec;
import java.util.ArrayList;
import java.util.List;
import javax.lang.model.element.Modifier;

/**
 * Writes the {@code public record} of a message whose frame is not a JSON object: one component,
 * {@code value} for a JSON value (written as the whole frame), or {@code data} for binary data
 * (a read-only {@code ByteBuffer}, sent in a binary frame).
 */
final class ValueWriter {

  private static final TypeName BYTES = ArrayTypeName.of(TypeName.BYTE);

  private final FileHeader header;

  ValueWriter(FileHeader header) {
    this.header = header;
  }

  TypeSpec write(ValueDecl decl) {
    TypeSpec.Builder type = TypeSpec.recordBuilder(decl.name())
        .addAnnotation(header.generated())
        .addModifiers(Modifier.PUBLIC)
        .addJavadoc(javadoc(decl))
        .addSuperinterfaces(decl.supertypes())
        .addSuperinterface(decl.binary() ? Types.BINARY_MESSAGE : Types.VALUE_MESSAGE);
    return decl.binary() ? binary(decl, type) : json(decl, type);
  }

  private static TypeSpec json(ValueDecl decl, TypeSpec.Builder type) {
    TypeName valueType = decl.type().javaType(decl.nullable());
    type.recordConstructor(MethodSpec.constructorBuilder().addParameter(valueType, "value").build());
    if (!decl.nullable() && !valueType.isPrimitive()) {
      type.addMethod(MethodSpec.compactConstructorBuilder()
          .addModifiers(Modifier.PUBLIC)
          .addJavadoc("Checks that the value is present.\n\n@param value the frame's value\n")
          .addStatement("$T.requireNonNull(value, $S)", Types.OBJECTS, "value")
          .build());
    }
    JsonWrites writes = new JsonWrites("out", Names.members(List.of("value", "out")));
    CodeBlock write = writes.value(decl.type(), CodeBlock.of("value"));
    if (decl.nullable()) {
      write = CodeBlock.builder().beginControlFlow("if (value == null)").addStatement("out.writeNull()")
          .nextControlFlow("else").add(write).endControlFlow().build();
    }
    return type.addMethod(MethodSpec.methodBuilder("writeJson")
            .addAnnotation(Override.class)
            .addModifiers(Modifier.PUBLIC)
            .addParameter(Types.JSON_GENERATOR, "out")
            .addException(Types.IO_EXCEPTION)
            .addCode(write)
            .build())
        .build();
  }

  private static TypeSpec binary(ValueDecl decl, TypeSpec.Builder type) {
    type.recordConstructor(MethodSpec.constructorBuilder()
        .addParameter(ParameterSpec.builder(Types.BYTE_BUFFER, "data").build()).build());
    return type
        .addMethod(MethodSpec.compactConstructorBuilder()
            .addModifiers(Modifier.PUBLIC)
            .addJavadoc("Keeps a read-only view of the bytes from {@code data}'s position to its limit.\n\n"
                + "@param data the frame's bytes\n")
            .addStatement("data = $T.requireNonNull(data, $S).slice().asReadOnlyBuffer()", Types.OBJECTS, "data")
            .build())
        .addMethod(MethodSpec.methodBuilder("of")
            .addJavadoc("{@return the message of these bytes, which the caller no longer modifies}\n\n")
            .addJavadoc("@param bytes the frame's bytes\n")
            .addModifiers(Modifier.PUBLIC, Modifier.STATIC)
            .returns(decl.name())
            .addParameter(BYTES, "bytes")
            .addStatement("return new $T($T.wrap(bytes))", decl.name(), Types.BYTE_BUFFER)
            .build())
        .addMethod(MethodSpec.methodBuilder("data")
            .addJavadoc("{@return the frame's bytes: a fresh read-only view of them}\n")
            .addAnnotation(Override.class)
            .addModifiers(Modifier.PUBLIC)
            .returns(Types.BYTE_BUFFER)
            .addStatement("return data.duplicate()")
            .build())
        .build();
  }

  private static CodeBlock javadoc(ValueDecl decl) {
    List<String> paragraphs = new ArrayList<>(decl.doc());
    if (paragraphs.isEmpty()) {
      paragraphs.add("The " + Docs.code(decl.name().simpleName()) + " message.");
    }
    paragraphs.add(decl.binary() ? "Its frame is binary data, sent and received in binary WebSocket frames."
        : "Its frame is one JSON value, not an object.");
    String usage = String.join(" ", decl.usage());
    if (!usage.isEmpty()) {
      paragraphs.add(usage);
    }
    CodeBlock.Builder doc = Docs.block(paragraphs).toBuilder();
    if (!decl.binary()) {
      doc.add("$L", Docs.examples(decl.examples()));
    }
    return doc.add("\n").add(Docs.param(decl.binary() ? "data" : "value", decl.binary() ? "the frame's bytes"
        : "the frame's value")).build();
  }
}
