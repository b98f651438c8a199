package dev.chanx.gen.codegen;

import com.palantir.javapoet.CodeBlock;
import com.palantir.javapoet.FieldSpec;
import com.palantir.javapoet.MethodSpec;
import com.palantir.javapoet.ParameterizedTypeName;
import com.palantir.javapoet.TypeName;
import com.palantir.javapoet.TypeSpec;
import dev.chanx.gen.codegen.ChannelPlan.MessagePlan;
import dev.chanx.gen.codegen.ChannelPlan.OperationPlan;
import java.util.ArrayList;
import java.util.List;
import javax.lang.model.element.Modifier;

/**
 * Writes {@code <C>Dispatcher}: reads a frame's discriminator, hands the frame to the reader of
 * that message, and calls the handler method for the typed message.
 */
final class DispatcherWriter {

  private final FileHeader header;
  private final ChannelPlan plan;
  private final String discriminator;
  private final List<MessagePlan> tagged = new ArrayList<>();
  private final List<MessagePlan> untagged = new ArrayList<>();

  DispatcherWriter(FileHeader header, ChannelPlan plan) {
    this.header = header;
    this.plan = plan;
    // Chanx's default, for a channel whose messages have no discriminator to find.
    this.discriminator = plan.channel().discriminator() != null ? plan.channel().discriminator() : "action";
    for (MessagePlan m : plan.clientMessages()) {
      (m.message().tag() != null && plan.channel().discriminator() != null ? tagged : untagged).add(m);
    }
  }

  TypeSpec write() {
    ChannelPlan.Roles roles = plan.roles();
    TypeSpec.Builder type = TypeSpec.classBuilder(roles.dispatcher())
        .addAnnotation(header.generated())
        .addModifiers(Modifier.PUBLIC, Modifier.FINAL)
        .addJavadoc(javadoc())
        .addSuperinterface(ParameterizedTypeName.get(Types.DISPATCHER, roles.handler(), roles.clientMessage(),
            roles.serverMessage(), roles.path()))
        .addField(FieldSpec.builder(Types.STRING, "DISCRIMINATOR", Modifier.PRIVATE, Modifier.STATIC, Modifier.FINAL)
            .initializer("$S", discriminator).build());
    if (!tagged.isEmpty()) {
      type.addField(FieldSpec.builder(Types.STRING, "EXPECTED_TAGS", Modifier.PRIVATE, Modifier.STATIC,
              Modifier.FINAL)
          .initializer("$S", String.join(", ", tagged.stream().map(m -> Repr.of(m.message().tag())).toList()))
          .build());
    }
    type.addMethod(MethodSpec.constructorBuilder().addModifiers(Modifier.PRIVATE).build())
        .addMethod(MethodSpec.methodBuilder("create")
            .addJavadoc("A dispatcher for channel $L; it holds no state.\n", Docs.code(plan.channel().key()))
            .addModifiers(Modifier.PUBLIC, Modifier.STATIC)
            .returns(roles.dispatcher())
            .addStatement("return new $T()", roles.dispatcher())
            .build())
        .addMethod(MethodSpec.methodBuilder("discriminator")
            .addAnnotation(Override.class)
            .addModifiers(Modifier.PUBLIC)
            .returns(Types.STRING)
            .addStatement("return DISCRIMINATOR")
            .build())
        .addMethod(decode());
    if (!untagged.isEmpty()) {
      type.addMethod(decodeUntagged());
    }
    return type.addMethod(dispatch()).build();
  }

  private CodeBlock javadoc() {
    List<String> doc = new ArrayList<>();
    doc.add("Decodes and routes what clients send on channel " + Docs.code(plan.channel().key()) + ".");
    doc.add("{@link #decode} reads the " + Docs.code(discriminator) + " of a frame and validates the frame"
        + " against that message's schema in one pass over the parsed tree, reporting every problem"
        + " found. {@link #dispatch} calls the {@link " + plan.roles().handler().simpleName()
        + "} method for the message; a message listed by several receive operations is handled by the"
        + " first of them.");
    return Docs.block(doc);
  }

  private TypeName decoded() {
    return ParameterizedTypeName.get(Types.DECODED, plan.roles().clientMessage());
  }

  private MethodSpec decode() {
    MethodSpec.Builder method = MethodSpec.methodBuilder("decode")
        .addAnnotation(Override.class)
        .addModifiers(Modifier.PUBLIC)
        .returns(decoded())
        .addParameter(Types.JSON_NODE, "frame");
    if (tagged.isEmpty() && !untagged.isEmpty()) {
      return method.addStatement("return decodeUntagged(frame)").build();
    }
    method.addStatement("String tag = $T.tag(frame, DISCRIMINATOR)", Types.READ)
        .beginControlFlow("if (tag == null)");
    if (untagged.isEmpty()) {
      method.addStatement("return $T.invalid(null, $T.of($T.tagNotFound(DISCRIMINATOR)))", Types.DECODED, Types.LIST,
          Types.READ);
    } else {
      method.addStatement("return decodeUntagged(frame)");
    }
    method.endControlFlow();
    CodeBlock unknown = untagged.isEmpty()
        ? CodeBlock.of("$T.invalid(null, $T.of($T.tagInvalid(DISCRIMINATOR, tag, $L)))", Types.DECODED, Types.LIST,
            Types.READ, tagged.isEmpty() ? "\"\"" : "EXPECTED_TAGS")
        : CodeBlock.of("decodeUntagged(frame)");
    if (tagged.isEmpty()) {
      return method.addStatement("return $L", unknown).build();
    }
    CodeBlock.Builder cases = CodeBlock.builder();
    for (MessagePlan m : tagged) {
      CodeBlock label = m.decl() instanceof RecordDecl record
          ? ReaderWriter.label(record, discriminator, m.message().tag())
          : CodeBlock.of("$S", m.message().tag());
      cases.add("case $L ->$Wproblems.decoded(tag, $T.$N(frame, at, problems));\n", label, plan.roles().reader(),
          ReaderWriter.method(m.decl()));
    }
    cases.add("default ->$W$L;\n", unknown);
    return method
        .addStatement("$T problems = new $T()", Types.PROBLEMS, Types.PROBLEMS)
        .addStatement("$T at = $T.of(tag)", Types.LOC, Types.LOC)
        .addCode("return switch (tag) {\n$>$L$<};\n", cases.build())
        .build();
  }

  // Messages without a tag are tried in document order; the first that fits is the frame.
  private MethodSpec decodeUntagged() {
    MethodSpec.Builder method = MethodSpec.methodBuilder("decodeUntagged")
        .addModifiers(Modifier.PRIVATE, Modifier.STATIC)
        .returns(decoded())
        .addParameter(Types.JSON_NODE, "frame")
        .addStatement("$T problems = new $T()", Types.PROBLEMS, Types.PROBLEMS);
    Names locals = Names.members(List.of("frame", "problems"));
    for (MessagePlan m : untagged) {
      String local = locals.allocate(Names.lowerCamel(m.decl().name().simpleName(), "message"));
      CodeBlock at = untagged.size() == 1 ? CodeBlock.of("$T.root()", Types.LOC)
          : CodeBlock.of("$T.root().key($S)", Types.LOC, m.decl().errorName());
      method.addStatement("$T $N = $T.$N(frame, $L, problems)", m.decl().name(), local, plan.roles().reader(),
              ReaderWriter.method(m.decl()), at)
          .beginControlFlow("if ($N != null)", local)
          .addStatement("return $T.valid($S, $N)", Types.DECODED, m.message().key(), local)
          .endControlFlow();
    }
    return method.addStatement("return $T.invalid(null, problems.errors())", Types.DECODED).build();
  }

  private MethodSpec dispatch() {
    ChannelPlan.Roles roles = plan.roles();
    MethodSpec.Builder method = MethodSpec.methodBuilder("dispatch")
        .addAnnotation(Override.class)
        .addModifiers(Modifier.PUBLIC)
        .returns(roles.serverMessage())
        .addParameter(roles.clientMessage(), "message")
        .addParameter(roles.handler(), "handler")
        .addParameter(HandlerWriter.connection(plan), "connection")
        .addException(Exception.class);
    for (OperationPlan op : plan.operations()) {
      Names locals = Names.members(List.of("message", "handler", "connection"));
      String local = locals.allocate(Names.lowerCamel(op.parameter().simpleName(), "request"));
      method.beginControlFlow("if (message instanceof $T $N)", op.parameter(), local);
      if (op.returns() == null) {
        method.addStatement("handler.$N($N, connection)", op.method(), local).addStatement("return null");
      } else {
        method.addStatement("return handler.$N($N, connection)", op.method(), local);
      }
      method.endControlFlow();
    }
    return method
        .addStatement("throw new $T($S + message)", IllegalArgumentException.class,
            "not a message of channel " + plan.channel().key() + ": ")
        .build();
  }
}
