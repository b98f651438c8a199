package dev.chanx.gen.codegen;

import com.palantir.javapoet.AnnotationSpec;
import com.palantir.javapoet.CodeBlock;
import com.palantir.javapoet.TypeSpec;
import java.util.ArrayList;
import java.util.List;
import javax.lang.model.element.Modifier;

/**
 * Writes the sealed interface of a {@code oneOf}/{@code anyOf}, permitting its branch records in
 * document order, with the Jackson annotations that let an {@code ObjectMapper} pick the branch.
 */
final class UnionWriter {

  private final FileHeader header;

  UnionWriter(FileHeader header) {
    this.header = header;
  }

  TypeSpec write(UnionDecl union) {
    List<String> doc = new ArrayList<>(union.doc());
    if (doc.isEmpty()) {
      doc.add("One of " + union.branches().size() + " shapes of {@code " + union.name().simpleName() + "}.");
    }
    doc.add(union.discriminator() != null
        ? "The branch is named by the " + Docs.code(union.discriminator()) + " property."
        : "A value is read as the first branch it fits, in this order.");
    if (!union.usage().isEmpty()) {
      doc.add(String.join(" ", union.usage()));
    }
    TypeSpec.Builder type = TypeSpec.interfaceBuilder(union.name())
        .addAnnotation(header.generated())
        .addModifiers(Modifier.PUBLIC, Modifier.SEALED)
        .addJavadoc(Docs.block(doc))
        .addJavadoc("$L", Docs.examples(union.examples()));
    if (union.discriminator() != null) {
      type.addAnnotation(typeInfo(union.discriminator()));
      type.addAnnotation(subTypes(union.branches(), union.tags()));
    } else {
      // Jackson tells the branches apart by the properties each one has.
      type.addAnnotation(AnnotationSpec.builder(Types.JSON_TYPE_INFO)
          .addMember("use", "$T.Id.DEDUCTION", Types.JSON_TYPE_INFO).build());
      type.addAnnotation(subTypes(union.branches(), List.of()));
    }
    type.addSuperinterfaces(union.supertypes().isEmpty() ? List.of(Types.JSON_WRITABLE) : union.supertypes());
    union.branches().forEach(b -> type.addPermittedSubclass(b.name()));
    return type.build();
  }

  static AnnotationSpec typeInfo(String property) {
    return AnnotationSpec.builder(Types.JSON_TYPE_INFO)
        .addMember("use", "$T.Id.NAME", Types.JSON_TYPE_INFO)
        .addMember("include", "$T.As.EXISTING_PROPERTY", Types.JSON_TYPE_INFO)
        .addMember("property", "$S", property)
        .build();
  }

  /** {@code @JsonSubTypes}, naming each type by its tag when {@code tags} has one per type. */
  static AnnotationSpec subTypes(List<? extends Decl> types, List<String> tags) {
    AnnotationSpec.Builder annotation = AnnotationSpec.builder(Types.JSON_SUB_TYPES);
    for (int i = 0; i < types.size(); i++) {
      CodeBlock value = tags.isEmpty()
          ? CodeBlock.of("@$T.Type($T.class)", Types.JSON_SUB_TYPES, types.get(i).name())
          : CodeBlock.of("@$T.Type(value = $T.class, name = $S)", Types.JSON_SUB_TYPES, types.get(i).name(),
              tags.get(i));
      annotation.addMember("value", "$L", value);
    }
    return annotation.build();
  }
}
