package dev.chanx.gen.codegen;

import com.palantir.javapoet.MethodSpec;
import com.palantir.javapoet.TypeSpec;
import java.util.List;
import javax.lang.model.element.Modifier;

/** Writes a Java enum for a string {@code enum}, each constant holding its wire value. */
final class EnumWriter {

  private final FileHeader header;

  EnumWriter(FileHeader header) {
    this.header = header;
  }

  TypeSpec write(EnumDecl decl) {
    List<String> doc = decl.doc().isEmpty()
        ? List.of("The values of {@code " + decl.name().simpleName() + "}.")
        : decl.doc();
    TypeSpec.Builder type = TypeSpec.enumBuilder(decl.name())
        .addAnnotation(header.generated())
        .addModifiers(Modifier.PUBLIC)
        .addJavadoc(Docs.block(doc));
    for (int i = 0; i < decl.constants().size(); i++) {
      type.addEnumConstant(decl.constants().get(i),
          TypeSpec.anonymousClassBuilder("$S", decl.wireValues().get(i))
              .addJavadoc("The value $L.\n", Docs.code(decl.wireValues().get(i))).build());
    }
    return type
        .addField(Types.STRING, "wireValue", Modifier.PRIVATE, Modifier.FINAL)
        .addMethod(MethodSpec.constructorBuilder()
            .addParameter(Types.STRING, "wireValue")
            .addStatement("this.wireValue = wireValue")
            .build())
        .addMethod(MethodSpec.methodBuilder("wireValue")
            .addJavadoc("The value as the document writes it, and as it goes on the wire.\n\n")
            .addJavadoc("@return the value as the document writes it\n")
            .addAnnotation(Types.JSON_VALUE)
            .addModifiers(Modifier.PUBLIC)
            .returns(Types.STRING)
            .addStatement("return wireValue")
            .build())
        .build();
  }
}
