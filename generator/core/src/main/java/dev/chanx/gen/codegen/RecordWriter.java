package dev.chanx.gen.codegen;

import com.palantir.javapoet.AnnotationSpec;
import com.palantir.javapoet.CodeBlock;
import com.palantir.javapoet.FieldSpec;
import com.palantir.javapoet.MethodSpec;
import com.palantir.javapoet.ParameterSpec;
import com.palantir.javapoet.TypeSpec;
import java.util.ArrayList;
import java.util.List;
import javax.lang.model.element.Modifier;

/**
 * Writes a {@code public record} for an object schema: components in schema order with Jackson
 * annotations, constants as static fields, and the reflection-free JSON writer.
 */
final class RecordWriter {

  private final FileHeader header;

  RecordWriter(FileHeader header) {
    this.header = header;
  }

  TypeSpec write(RecordDecl record) {
    List<Property> components = record.components();
    TypeSpec.Builder type = TypeSpec.recordBuilder(record.name())
        .addAnnotation(header.generated())
        .addModifiers(Modifier.PUBLIC)
        .addJavadoc(javadoc(record, components))
        .addAnnotation(AnnotationSpec.builder(Types.JSON_INCLUDE)
            .addMember("value", "$T.Include.NON_ABSENT", Types.JSON_INCLUDE).build());
    if (!record.closed()) {
      // As on the wire: keys the schema does not name are ignored unless it forbids them.
      type.addAnnotation(AnnotationSpec.builder(Types.JSON_IGNORE_PROPERTIES)
          .addMember("ignoreUnknown", "true").build());
    }
    if (record.properties().stream().anyMatch(p -> p.role() == Property.Role.CONSTANT)) {
      type.addAnnotation(propertyOrder(record));
    }
    if (record.supertypes().isEmpty()) {
      type.addSuperinterface(Types.JSON_WRITABLE);
    }
    type.addSuperinterfaces(record.supertypes());

    MethodSpec.Builder constructor = MethodSpec.constructorBuilder();
    for (Property p : components) {
      constructor.addParameter(ParameterSpec.builder(p.type().javaType(p.boxed()), p.javaName())
          .addAnnotation(jsonProperty(p.wireName(), false))
          .build());
    }
    type.recordConstructor(constructor.build());

    for (Property p : record.properties()) {
      if (p.role() == Property.Role.CONSTANT) {
        type.addField(FieldSpec.builder(Types.STRING, p.constantName(),
                Modifier.PUBLIC, Modifier.STATIC, Modifier.FINAL)
            .addJavadoc(p == record.tagProperty()
                ? "The $L that names this message on the wire.\n"
                : "The value of $L, always the same.\n", Docs.code(p.wireName()))
            .initializer("$S", p.constant())
            .build());
      }
    }
    MethodSpec checks = nullChecks(components);
    if (checks != null) {
      type.addMethod(checks);
    }
    if (record.frame()) {
      type.addMethod(wireTag(record));
    }
    for (Property p : record.properties()) {
      if (p.role() == Property.Role.CONSTANT && p != record.tagProperty()) {
        type.addMethod(MethodSpec.methodBuilder(p.javaName())
            .addJavadoc("The constant $L: {@value #$L}.\n\n", Docs.code(p.wireName()), p.constantName())
            .addJavadoc("@return {@value #$L}, always\n", p.constantName())
            .addAnnotation(jsonProperty(p.wireName(), true))
            .addModifiers(Modifier.PUBLIC)
            .returns(Types.STRING)
            .addStatement("return $N", p.constantName())
            .build());
      }
    }
    type.addMethod(writer(record, components));
    return type.build();
  }

  private static CodeBlock javadoc(RecordDecl record, List<Property> components) {
    List<String> paragraphs = new ArrayList<>(record.doc());
    String usage = String.join(" ", record.usage());
    Property tag = record.frame() ? record.tagProperty() : null;
    if (paragraphs.isEmpty() && tag != null) {
      paragraphs.add("The " + Docs.code(tag.constant()) + " message.");
    } else if (paragraphs.isEmpty() && usage.isEmpty()) {
      paragraphs.add("The " + Docs.code(record.name().simpleName()) + " object.");
    }
    if (!usage.isEmpty()) {
      paragraphs.add(usage);
    }
    CodeBlock.Builder doc = Docs.block(paragraphs).toBuilder();
    doc.add("$L", Docs.examples(record.examples()));
    if (!components.isEmpty()) {
      doc.add("\n").add(params(components));
    }
    return doc.build();
  }

  /** The {@code @param} tags of the components, for the record and for its compact constructor. */
  private static CodeBlock params(List<Property> components) {
    CodeBlock.Builder doc = CodeBlock.builder();
    for (Property p : components) {
      doc.add("$L", Docs.param(p.javaName(),
          p.doc() != null ? p.doc() : "the " + Docs.code(p.wireName()) + " property"));
    }
    return doc.build();
  }

  private static AnnotationSpec propertyOrder(RecordDecl record) {
    CodeBlock names = record.wireOrder().stream()
        .map(p -> CodeBlock.of("$S", p.wireName()))
        .collect(CodeBlock.joining(", ", "{", "}"));
    return AnnotationSpec.builder(Types.JSON_PROPERTY_ORDER).addMember("value", "$L", names).build();
  }

  static AnnotationSpec jsonProperty(String wireName, boolean readOnly) {
    if (!readOnly) {
      return AnnotationSpec.builder(Types.JSON_PROPERTY).addMember("value", "$S", wireName).build();
    }
    return AnnotationSpec.builder(Types.JSON_PROPERTY)
        .addMember("value", "$S", wireName)
        .addMember("access", "$T.Access.READ_ONLY", Types.JSON_PROPERTY)
        .build();
  }

  private static MethodSpec nullChecks(List<Property> components) {
    MethodSpec.Builder compact = MethodSpec.compactConstructorBuilder().addModifiers(Modifier.PUBLIC)
        .addJavadoc("Checks that every required component is present.\n\n").addJavadoc(params(components));
    boolean any = false;
    for (Property p : components) {
      if (!p.boxed() && !p.type().javaType(false).isPrimitive()) {
        compact.addStatement("$T.requireNonNull($N, $S)", Types.OBJECTS, p.javaName(), p.javaName());
        any = true;
      }
    }
    return any ? compact.build() : null;
  }

  private static MethodSpec wireTag(RecordDecl record) {
    Property tag = record.tagProperty();
    MethodSpec.Builder method = MethodSpec.methodBuilder("wireTag")
        .addAnnotation(Override.class)
        .addModifiers(Modifier.PUBLIC)
        .returns(Types.STRING);
    if (tag == null) {
      return method
          .addJavadoc("Returns null: this message carries no {@code $L} constant.\n",
              record.discriminator() == null ? "discriminator" : record.discriminator())
          .addJavadoc("\n@return null, always\n")
          .addStatement("return null")
          .build();
    }
    return method.addAnnotation(jsonProperty(tag.wireName(), true))
        .addStatement("return $N", tag.constantName())
        .build();
  }

  private static MethodSpec writer(RecordDecl record, List<Property> components) {
    Names locals = Names.members(components.stream().map(Property::javaName).toList());
    String out = locals.allocate("out");
    JsonWrites writes = new JsonWrites(out, locals);
    MethodSpec.Builder method = MethodSpec.methodBuilder(record.frame() ? "writeFields" : "writeJson")
        .addAnnotation(Override.class)
        .addModifiers(Modifier.PUBLIC)
        .addParameter(Types.JSON_GENERATOR, out)
        .addException(Types.IO_EXCEPTION);
    if (!record.frame()) {
      method.addStatement("$N.writeStartObject()", out);
    }
    for (Property p : record.wireOrder()) {
      method.addCode(writes.property(p));
    }
    if (!record.frame()) {
      method.addStatement("$N.writeEndObject()", out);
    }
    return method.build();
  }
}
