package dev.chanx.gen.codegen;

import com.palantir.javapoet.CodeBlock;
import com.palantir.javapoet.MethodSpec;
import com.palantir.javapoet.TypeName;
import com.palantir.javapoet.TypeSpec;
import dev.chanx.core.codec.Texts;
import java.util.ArrayList;
import java.util.List;
import javax.lang.model.element.Modifier;

/**
 * Writes {@code <C>Reader}: per record and union that is read (what clients send, for the
 * server; what the server sends, for a Java client), a method that validates and builds the value
 * in one pass over the parsed tree, recording every problem, and a quick-path method that reads a
 * plainly valid value straight from the parser, or gives up for the tree path to report. Rules
 * with constraints (patterns, bounds, lists) are static constants, built once, that serve both.
 */
final class ReaderWriter {

  private static final List<String> PARAMETERS =
      List.of("json", "at", "problems", "errors", "value", "seen", "frame", "key");

  /** A record with more properties than a {@code long} has bits is read on the tree path only. */
  private static final int MAX_STREAMED_PROPERTIES = 63;

  private final FileHeader header;
  private final ChannelPlan plan;
  private final QuickPath quick;
  private final ReadExpressions expressions;
  private final QuickKeys keys;

  ReaderWriter(FileHeader header, ChannelPlan plan) {
    this.header = header;
    this.plan = plan;
    this.quick = QuickPath.of(plan);
    this.keys = QuickKeys.of(plan);
    List<String> taken = new ArrayList<>(plan.decls().stream().map(d -> d.name().simpleName()).toList());
    taken.addAll(keys.names());
    this.expressions = new ReadExpressions(plan.roles().reader(), quick, taken);
  }

  /** The reader method's name for a record or union. */
  static String method(Decl decl) {
    return "read" + decl.name().simpleName();
  }

  /** The quick-path reader method's name for a record or union. */
  static String streamMethod(Decl decl) {
    return "stream" + decl.name().simpleName();
  }

  /**
   * The quick-path method that reads a frame's fields after its discriminator, or null when the
   * record is read as a frame on the tree path only: when it has too many properties, no constant
   * for the discriminator, or a property named {@code ref} (the frame's {@code ref} must be echoed).
   */
  static String streamFieldsMethod(RecordDecl record, String discriminator) {
    if (!streamed(record) || tagIndex(record, discriminator) < 0
        || record.properties().stream().anyMatch(p -> p.wireName().equals("ref"))) {
      return null;
    }
    return streamMethod(record) + "Fields";
  }

  /** {@return the index of the constant property {@code name} among the record's, or -1} */
  static int tagIndex(RecordDecl record, String name) {
    List<Property> properties = record.properties();
    for (int i = 0; i < properties.size(); i++) {
      Property p = properties.get(i);
      if (p.wireName().equals(name)) {
        return p.role() == Property.Role.CONSTANT ? i : -1;
      }
    }
    return -1;
  }

  /** Whether the record has few enough properties for the quick path to read it key by key. */
  static boolean streamed(RecordDecl record) {
    return record.properties().size() <= MAX_STREAMED_PROPERTIES;
  }

  TypeSpec write() {
    List<MethodSpec> methods = new ArrayList<>();
    for (Decl decl : plan.decls()) {
      if (decl.readable() && decl instanceof RecordDecl record) {
        methods.add(record(record));
        methods.addAll(streamRecord(record));
      } else if (decl.readable() && decl instanceof ValueDecl value && !value.binary()) {
        methods.add(value(value));
      } else if (decl.readable() && decl instanceof UnionDecl union) {
        methods.add(union(union));
        if (quick.readsValue(union)) {
          methods.add(streamByTree(union));
        }
      }
    }
    List<String> doc = new ArrayList<>(List.of("Reads what " + readers() + " on channel "
        + Docs.code(plan.channel().key()) + ", validating each value and building it in one pass over the parsed"
        + " tree.", "Each {@code read} method returns the value, or null after recording in {@code problems}"
        + " everything wrong with it, located from {@code at}."));
    if (!quick.isEmpty()) {
      doc.add("Each {@code stream} method is the quick path: it reads a plainly valid value straight from a"
          + " parser to the same result, and gives up on anything else by throwing {@code StreamMiss}, for the"
          + " tree path to report.");
    }
    return TypeSpec.classBuilder(plan.roles().reader())
        .addAnnotation(header.generated())
        .addModifiers(Modifier.FINAL)
        .addJavadoc(Docs.block(doc))
        .addFields(keys.fields())
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

  private MethodSpec value(ValueDecl decl) {
    CodeBlock reader = expressions.reader(decl.type(), decl.name().simpleName() + "Value");
    CodeBlock read = CodeBlock.of("$T.value(json, at, problems,$W$L)", Types.READ, reader);
    if (decl.nullable()) {
      read = CodeBlock.of("json.isNull() ? null :$W$L", read);
    }
    return reader(decl)
        .addJavadoc("Reads $L: the whole frame is its value.\n", "{@link " + decl.name().simpleName() + "}")
        .addStatement("int errors = problems.count()")
        .addStatement("$T value = $L", decl.type().javaType(true), read)
        .addStatement("return problems.count() == errors$W? new $T(value)$W: null", decl.name())
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
        expected.add(Texts.repr(tag));
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

  private static MethodSpec.Builder streamReader(Decl decl, String name) {
    return MethodSpec.methodBuilder(name)
        .addModifiers(Modifier.STATIC)
        .returns(decl.name())
        .addParameter(Types.JSON_PARSER, "json")
        .addException(Types.IO_EXCEPTION);
  }

  /** A value the quick path does not read itself, read through its tree reader. */
  private MethodSpec streamByTree(Decl decl) {
    return streamReader(decl, streamMethod(decl))
        .addJavadoc("Reads $L from the parser through its tree reader.\n", "{@link " + decl.name().simpleName() + "}")
        .addStatement("return $T.tree(json, $T::$N)", Types.TOKENS, plan.roles().reader(), method(decl))
        .build();
  }

  /**
   * The quick path's methods for a record: one that reads it as a value, one that reads the rest of
   * a frame after its tag, or both, as the quick path reads it.
   */
  private List<MethodSpec> streamRecord(RecordDecl record) {
    boolean frame = quick.readsFrame(record);
    boolean value = quick.readsValue(record);
    if (!value && !frame) {
      return List.of();
    }
    if (!streamed(record)) {
      return List.of(streamByTree(record));
    }
    String fields = frame ? streamFieldsMethod(record, record.discriminator()) : null;
    if (fields == null) {
      return List.of(streamReader(record, streamMethod(record))
          .addJavadoc("Reads $L straight from the parser, on its first token.\n", "{@link " + record.name().simpleName()
              + "}")
          .addStatement("$T.object(json)", Types.TOKENS)
          .addStatement("long seen = 0L")
          .addCode(streamFields(record, false))
          .build());
    }
    MethodSpec frameFields = streamReader(record, fields)
        .addJavadoc("Reads the rest of $L after the keys in {@code seen}, taking a frame's\nreserved keys into"
            + " {@code frame} (null inside a nested value).\n", "{@link " + record.name().simpleName() + "}")
        .addParameter(TypeName.LONG, "seen")
        .addParameter(Types.STREAM_FRAME, "frame")
        .addCode(streamFields(record, true))
        .build();
    if (!value) {
      return List.of(frameFields);
    }
    MethodSpec valueWrapper = streamReader(record, streamMethod(record))
        .addJavadoc("Reads $L straight from the parser, on its first token.\n", "{@link " + record.name().simpleName()
            + "}")
        .addStatement("$T.object(json)", Types.TOKENS)
        .addStatement("return $N(json, 0L, null)", fields)
        .build();
    return List.of(valueWrapper, frameFields);
  }

  /** The loop over an object's keys up to its end, then the record. */
  private CodeBlock streamFields(RecordDecl record, boolean frame) {
    Names locals = Names.members(PARAMETERS);
    CodeBlock.Builder declarations = CodeBlock.builder();
    CodeBlock.Builder cases = CodeBlock.builder();
    CodeBlock.Builder defaults = CodeBlock.builder();
    List<CodeBlock> arguments = new ArrayList<>();
    long required = 0;
    List<Property> properties = record.properties();
    for (int i = 0; i < properties.size(); i++) {
      Property p = properties.get(i);
      String bit = keys.bit(record, i);
      if (p.required()) {
        required |= 1L << i;
      }
      cases.add("case $S -> {\n$>", p.wireName()).addStatement("seen = $T.first(seen, $L)", Types.TOKENS, bit);
      switch (p.role()) {
        case CONSTANT -> cases.addStatement("$T.constant(json, $T.$N)", Types.TOKENS, record.name(), p.constantName());
        case NULL -> cases.addStatement("json.nextToken()").addStatement("$T.none(json)", Types.TOKENS);
        case COMPONENT -> {
          String local = locals.allocate(p.javaName());
          declarations.addStatement("$T $N = null", p.type().javaType(true), local);
          CodeBlock call = expressions.streamCall(p.type(),
              record.name().simpleName() + Names.upperCamel(p.wireName(), "Value"));
          if (p.nullable()) {
            cases.addStatement("$N = json.nextToken() == $T.VALUE_NULL ? null : $L", local, Types.JSON_TOKEN, call);
          } else {
            cases.addStatement("json.nextToken()").addStatement("$N = $L", local, call);
          }
          if (!p.required() && p.defaultValue() != null) {
            defaults.beginControlFlow("if ((seen & $L) == 0)", bit)
                .addStatement("$N = $L", local, Defaults.of(p.type(), p.defaultValue()))
                .endControlFlow();
          }
          arguments.add(CodeBlock.of("$N", local));
        }
      }
      cases.add("$<}\n");
    }
    cases.add("default -> $L;\n", frame ? CodeBlock.of("$T.other(json, key, frame)", Types.TOKENS)
        : CodeBlock.of("throw $T.miss()", Types.TOKENS));
    CodeBlock.Builder code = CodeBlock.builder()
        .add(declarations.build())
        .beginControlFlow("for (String key = json.nextFieldName(); key != null; key = json.nextFieldName())")
        .add("switch (key) {\n$>$L$<}\n", cases.build())
        .endControlFlow();
    if (required != 0) {
      code.addStatement("$T.required(seen, $N)", Types.TOKENS, keys.required(record));
    }
    return code.add(defaults.build())
        .addStatement("return new $T($L)", record.name(), CodeBlock.join(arguments, ",$W"))
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
