package dev.chanx.gen.codegen;

import com.palantir.javapoet.CodeBlock;
import com.palantir.javapoet.MethodSpec;
import com.palantir.javapoet.TypeSpec;
import java.util.ArrayList;
import java.util.List;
import javax.lang.model.element.Modifier;

/**
 * Writes {@code <C>Reader}: one static method per record and union that is read (what clients
 * send, for the server; what the server sends, for a Java client), each validating and building
 * its value in one pass over the parsed tree and recording every problem. Rules with constraints
 * (patterns, bounds, lists) are static constants, built once.
 */
final class ReaderWriter {

  private static final List<String> PARAMETERS = List.of("json", "at", "problems", "errors", "value");

  private final FileHeader header;
  private final ChannelPlan plan;
  private final ReadExpressions expressions;

  ReaderWriter(FileHeader header, ChannelPlan plan) {
    this.header = header;
    this.plan = plan;
    this.expressions = new ReadExpressions(plan.roles().reader());
  }

  /** The reader method's name for a record or union. */
  static String method(Decl decl) {
    return "read" + decl.name().simpleName();
  }

  TypeSpec write() {
    List<MethodSpec> methods = new ArrayList<>();
    for (Decl decl : plan.decls()) {
      if (decl.readable() && decl instanceof RecordDecl record) {
        methods.add(record(record));
      } else if (decl.readable() && decl instanceof UnionDecl union) {
        methods.add(union(union));
      }
    }
    return TypeSpec.classBuilder(plan.roles().reader())
        .addAnnotation(header.generated())
        .addModifiers(Modifier.FINAL)
        .addJavadoc(Docs.block(List.of("Reads what " + readers() + " on channel " + Docs.code(plan.channel().key())
            + ", validating each value and building it in one pass over the parsed tree.",
            "Each method returns the value, or null after recording in {@code problems} everything wrong"
                + " with it, located from {@code at}.")))
        .addFields(expressions.constants())
        .addMethod(MethodSpec.constructorBuilder().addModifiers(Modifier.PRIVATE).build())
        .addMethods(methods)
        .build();
  }

  private String readers() {
    if (plan.forServer() && plan.readsServerMessages()) {
      return "clients and the server send";
    }
    return plan.forClient() ? "the server sends" : "clients send";
  }

  private static MethodSpec.Builder reader(Decl decl) {
    return MethodSpec.methodBuilder(method(decl))
        .addModifiers(Modifier.STATIC)
        .returns(decl.name())
        .addParameter(Types.JSON_NODE, "json")
        .addParameter(Types.LOC, "at")
        .addParameter(Types.PROBLEMS, "problems");
  }

  private MethodSpec record(RecordDecl record) {
    Names locals = Names.members(PARAMETERS);
    CodeBlock.Builder code = CodeBlock.builder()
        .beginControlFlow("if (!$T.object(json, at, problems, $S))", Types.READ, record.errorName())
        .addStatement("return null")
        .endControlFlow()
        .addStatement("int errors = problems.count()");
    List<CodeBlock> arguments = new ArrayList<>();
    for (Property p : record.properties()) {
      switch (p.role()) {
        case CONSTANT -> code.addStatement("$T.$L(json, $S, $T.$N, at, problems)", Types.READ,
            p.required() ? "requiredConstant" : "optionalConstant", p.wireName(), record.name(), p.constantName());
        case NULL -> code.addStatement("$T.$L(json, $S, at, problems, $T::none)", Types.READ,
            p.required() ? "required" : "optional", p.wireName(), Types.READ);
        case COMPONENT -> {
          String local = locals.allocate(p.javaName());
          CodeBlock reader = expressions.reader(p.type(), record.name().simpleName() + Names.upperCamel(p.wireName(), "Value"));
          CodeBlock absent = p.required() || p.defaultValue() == null ? null
              : Defaults.of(p.type(), p.defaultValue());
          code.addStatement("$T $N = $T.$L(json, $S, at, problems,$W$L$L)", p.type().javaType(true), local,
              Types.READ, presence(p), p.wireName(), reader, absent == null ? "" : CodeBlock.of(",$W$L", absent));
          arguments.add(CodeBlock.of("$N", local));
        }
      }
    }
    if (record.closed()) {
      code.addStatement("$T.noOtherKeys(json, $L, at, problems)", Types.READ, expressions.keys(record));
    }
    code.addStatement("return problems.count() == errors$W? new $T($L)$W: null", record.name(),
        CodeBlock.join(arguments, ",$W"));
    return reader(record)
        .addJavadoc("Reads $L.\n", "{@link " + record.name().simpleName() + "}")
        .addCode(code.build())
        .build();
  }

  private static String presence(Property p) {
    if (p.required()) {
      return p.nullable() ? "nullable" : "required";
    }
    return p.nullable() ? "optionalNullable" : "optional";
  }

  private MethodSpec union(UnionDecl union) {
    MethodSpec.Builder method = reader(union)
        .addJavadoc("Reads $L: $L.\n", "{@link " + union.name().simpleName() + "}", union.discriminator() != null
            ? "the branch its " + Docs.code(union.discriminator()) + " names"
            : "the first branch it fits, else the errors of every branch");
    if (union.discriminator() != null) {
      CodeBlock.Builder cases = CodeBlock.builder();
      List<String> expected = new ArrayList<>();
      for (int i = 0; i < union.branches().size(); i++) {
        RecordDecl branch = union.branches().get(i);
        String tag = union.tags().get(i);
        expected.add(Repr.of(tag));
        cases.add("case $L ->$W$N(json, at.key(tag), problems);\n", label(branch, union.discriminator(), tag),
            method(branch));
      }
      cases.add("default ->$W$T.unknownTag($S, tag, $S, at, problems);\n", Types.READ, union.discriminator(),
          String.join(", ", expected));
      return method
          .addStatement("String tag = $T.unionTag(json, $S, at, problems)", Types.READ, union.discriminator())
          .beginControlFlow("if (tag == null)")
          .addStatement("return null")
          .endControlFlow()
          .addCode("return switch (tag) {\n$>$L$<};\n", cases.build())
          .build();
    }
    method.addStatement("int errors = problems.count()");
    for (int i = 0; i < union.branches().size(); i++) {
      RecordDecl branch = union.branches().get(i);
      CodeBlock read = CodeBlock.of("$N(json, at.key($S), problems)", method(branch), branch.errorName());
      if (i == 0) {
        method.addStatement("$T value = $L", union.name(), read);
      } else {
        method.beginControlFlow("if (value == null)").addStatement("value = $L", read).endControlFlow();
      }
    }
    // A branch that fits makes the errors of the branches tried before it irrelevant.
    return method
        .beginControlFlow("if (value != null)")
        .addStatement("problems.truncate(errors)")
        .endControlFlow()
        .addStatement("return value")
        .build();
  }

  /** A case label for a tag: the record's constant when it has one, else the string. */
  static CodeBlock label(RecordDecl record, String property, String tag) {
    for (Property p : record.properties()) {
      if (p.role() == Property.Role.CONSTANT && p.wireName().equals(property) && p.constant().equals(tag)) {
        return CodeBlock.of("$T.$N", record.name(), p.constantName());
      }
    }
    return CodeBlock.of("$S", tag);
  }
}
