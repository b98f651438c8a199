package dev.chanx.gen.codegen;

import com.palantir.javapoet.CodeBlock;
import com.palantir.javapoet.FieldSpec;
import com.palantir.javapoet.MethodSpec;
import com.palantir.javapoet.ParameterSpec;
import com.palantir.javapoet.ParameterizedTypeName;
import com.palantir.javapoet.TypeName;
import com.palantir.javapoet.TypeSpec;
import dev.chanx.gen.codegen.ChannelPlan.ParameterPlan;
import dev.chanx.gen.model.Message;
import dev.chanx.gen.model.Operation;
import dev.chanx.gen.model.Recovery;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import javax.lang.model.element.Modifier;

/** Writes {@code <C>Route}, where a channel is served, and {@code <C>Path}, its typed parameters. */
final class RouteWriter {

  private final FileHeader header;
  private final ChannelPlan plan;

  RouteWriter(FileHeader header, ChannelPlan plan) {
    this.header = header;
    this.plan = plan;
  }

  TypeSpec route() {
    ChannelPlan.Roles roles = plan.roles();
    CodeBlock names = plan.parameters().stream()
        .map(p -> CodeBlock.of("$S", p.parameter().name()))
        .collect(CodeBlock.joining(", "));
    CodeBlock arguments = plan.parameters().stream()
        .map(this::parse)
        .collect(CodeBlock.joining(",$W"));
    RouteChecks checks = new RouteChecks(plan);
    MethodSpec.Builder path = override("path", roles.path()).addParameter(Types.mapOf(Types.STRING), "rawParameters");
    if (checks.checksPath()) {
      path.addStatement("$T path = new $T($L)", roles.path(), roles.path(), arguments)
          .addCode(checks.pathChecks())
          .addStatement("return path");
    } else {
      path.addStatement("return new $T($L)", roles.path(), arguments);
    }
    TypeSpec.Builder type = TypeSpec.classBuilder(roles.route())
        .addAnnotation(header.generated())
        .addModifiers(Modifier.PUBLIC, Modifier.FINAL)
        .addJavadoc(Docs.block(List.of(plan.channel().address() == null
            ? "Where channel " + Docs.code(plan.channel().key()) + " is served and how it is typed; the document"
                + " gives it no address, so the application says where: {@link #at(String)}."
            : "Where channel " + Docs.code(plan.channel().key()) + " is served, "
                + Docs.code(plan.channel().address()) + ", and how it is typed.")))
        .addSuperinterface(ParameterizedTypeName.get(plan.isTopic() ? Types.TOPIC_ROUTE : Types.CHANNEL_ROUTE,
            roles.handler(), roles.clientMessage(), roles.serverMessage(), roles.path()))
        .addField(FieldSpec.builder(Types.listOf(Types.STRING), "PARAMETER_NAMES",
                Modifier.PRIVATE, Modifier.STATIC, Modifier.FINAL)
            .initializer("$T.of($L)", Types.LIST, names)
            .build())
        .addFields(checks.fields())
        .addFields(plan.channel().address() == null
            ? List.of(FieldSpec.builder(Types.STRING, "address", Modifier.PRIVATE, Modifier.FINAL).build())
            : List.of())
        .addField(FieldSpec.builder(roles.dispatcher(), "dispatcher", Modifier.PRIVATE, Modifier.FINAL)
            .initializer("$T.create()", roles.dispatcher())
            .build())
        .addMethods(factory())
        .addMethod(override("name", Types.STRING).addStatement("return $S", plan.channel().key()).build())
        .addMethod(plan.channel().address() == null
            ? override("address", Types.STRING).addStatement("return address").build()
            : override("address", Types.STRING).addStatement("return $S", plan.channel().address()).build())
        .addMethod(override("parameterNames", Types.listOf(Types.STRING))
            .addStatement("return PARAMETER_NAMES").build())
        .addMethod(path.build())
        .addMethod(override("dispatcher", roles.dispatcher()).addStatement("return dispatcher").build());
    if (checks.checkQuery() != null) {
      type.addMethod(checks.checkQuery());
    }
    operations(type);
    if (plan.isTopic()) {
      topic(type);
    }
    Recovery recovery = plan.channel().recovery();
    if (recovery != null) {
      // From x-chanx.recovery: the runtime keeps each group's recent frames for clients that reconnect.
      type.addField(FieldSpec.builder(Types.HISTORY, "RECOVERY", Modifier.PRIVATE, Modifier.STATIC, Modifier.FINAL)
              .initializer(recovery.direct() ? "new $T($T.parse($S), $L, true)" : "new $T($T.parse($S), $L)",
                  Types.HISTORY, Types.DURATION, recovery.window().toString(), recovery.size())
              .build())
          .addMethod(override("recovery", Types.HISTORY).addStatement("return RECOVERY").build());
    }
    if (plan.serverPushes()) {
      type.addField(FieldSpec.builder(roles.events(), "events", Modifier.PRIVATE, Modifier.FINAL)
              .initializer("$T.create()", roles.events())
              .build())
          .addMethod(override("events", roles.events()).addStatement("return events").build());
    }
    return type.build();
  }

  /**
   * The operation each client message belongs to, by wire tag, for metrics: the runtime never
   * sees the document, so the route tells it; the first operation in document order wins.
   */
  private void operations(TypeSpec.Builder type) {
    Map<String, String> byTag = new LinkedHashMap<>();
    for (Operation op : plan.channel().receives()) {
      for (Message m : op.messages()) {
        tags(m).forEach(tag -> byTag.putIfAbsent(tag, op.key()));
      }
    }
    for (Operation op : plan.channel().sends()) {
      for (Message m : op.replies()) {
        tags(m).forEach(tag -> byTag.putIfAbsent(tag, op.key()));
      }
    }
    if (byTag.isEmpty()) {
      return;
    }
    CodeBlock entries = byTag.entrySet().stream()
        .map(e -> CodeBlock.of("$T.entry($S, $S)", Types.MAP, e.getKey(), e.getValue()))
        .collect(CodeBlock.joining(",\n"));
    type.addField(FieldSpec.builder(Types.mapOf(Types.STRING), "INBOUND_OPERATIONS",
                Modifier.PRIVATE, Modifier.STATIC, Modifier.FINAL)
            .initializer("$T.ofEntries(\n$>$>$L$<$<)", Types.MAP, entries)
            .build())
        .addMethod(override("inboundOperations", Types.mapOf(Types.STRING))
            .addStatement("return INBOUND_OPERATIONS").build());
  }

  /** The wire tags that name a message: its constant, or the values that pick it. */
  private static List<String> tags(Message m) {
    List<String> tags = new ArrayList<>(m.tags());
    if (m.tag() != null && !tags.contains(m.tag())) {
      tags.add(0, m.tag());
    }
    return tags;
  }

  /** A topic's route also says its name and pattern, and writes the topic string of its parameters. */
  private void topic(TypeSpec.Builder type) {
    dev.chanx.gen.model.Topic topic = plan.channel().topic();
    CodeBlock values = plan.parameters().stream()
        .map(p -> p.enumDecl() != null ? CodeBlock.of("parameters.$N().wireValue()", p.component())
            : CodeBlock.of("parameters.$N()", p.component()))
        .collect(CodeBlock.joining(", "));
    type.addField(FieldSpec.builder(Types.TOPIC_PATTERN, "PATTERN", Modifier.PRIVATE, Modifier.STATIC, Modifier.FINAL)
            .initializer("$T.compile($S)", Types.TOPIC_PATTERN, topic.pattern())
            .build())
        .addMethod(override("topicName", Types.STRING).addStatement("return $S", topic.name()).build())
        .addMethod(override("pattern", Types.STRING).addStatement("return $S", topic.pattern()).build())
        .addMethod(override("topic", Types.STRING).addParameter(plan.roles().path(), "parameters")
            .addStatement("return PATTERN.format($L)", values).build());
  }

  /**
   * The constructor and factory: {@code create()} for a channel with an address; {@code at(address)}
   * for one without, which AsyncAPI 3 allows for an address unknown or given at run time.
   */
  private List<MethodSpec> factory() {
    String key = Docs.code(plan.channel().key());
    if (plan.channel().address() != null) {
      return List.of(MethodSpec.constructorBuilder().addModifiers(Modifier.PRIVATE).build(),
          MethodSpec.methodBuilder("create")
              .addJavadoc("The route of channel $L.\n\n", key)
              .addJavadoc("@return the route of channel $L\n", key)
              .addModifiers(Modifier.PUBLIC, Modifier.STATIC)
              .returns(plan.roles().route())
              .addStatement("return new $T()", plan.roles().route())
              .build());
    }
    return List.of(MethodSpec.constructorBuilder().addModifiers(Modifier.PRIVATE)
            .addParameter(Types.STRING, "address")
            .addStatement("this.address = address")
            .build(),
        MethodSpec.methodBuilder("at")
            .addJavadoc("The route of channel $L at an address the application chooses: the document gives the"
                + " channel none.\n\n", key)
            .addJavadoc("@param address the path clients open, such as {@code /ws/v5/public}, without path"
                + " parameters\n")
            .addJavadoc("@return the route of channel $L at {@code address}\n", key)
            .addJavadoc("@throws IllegalArgumentException when the address is blank or holds a path parameter\n")
            .addModifiers(Modifier.PUBLIC, Modifier.STATIC)
            .returns(plan.roles().route())
            .addParameter(Types.STRING, "address")
            .addStatement("$T.requireNonNull(address, $S)", Types.OBJECTS, "address")
            .beginControlFlow("if (address.isBlank() || address.indexOf('{') >= 0)")
            .addStatement("throw new $T($S + address + $S)", IllegalArgumentException.class,
                "channel " + plan.channel().key() + " needs a plain path without parameters, not '", "'")
            .endControlFlow()
            .addStatement("return new $T(address)", plan.roles().route())
            .build());
  }

  private static MethodSpec.Builder override(String name, TypeName returns) {
    return MethodSpec.methodBuilder(name)
        .addAnnotation(Override.class)
        .addModifiers(Modifier.PUBLIC)
        .returns(returns);
  }

  private CodeBlock parse(ParameterPlan p) {
    String name = p.parameter().name();
    if (p.enumDecl() != null) {
      return CodeBlock.of("$T.oneOf(rawParameters, $S,$W$T.values(), $T::wireValue)", Types.PATH_PARAMETERS, name,
          p.enumDecl().name(), p.enumDecl().name());
    }
    return switch (p.kind()) {
      case INT32 -> CodeBlock.of("$T.int32(rawParameters, $S)", Types.PATH_PARAMETERS, name);
      case INT64 -> CodeBlock.of("$T.int64(rawParameters, $S)", Types.PATH_PARAMETERS, name);
      default -> CodeBlock.of("$T.string(rawParameters, $S)", Types.PATH_PARAMETERS, name);
    };
  }

  TypeSpec path() {
    List<String> summary = new ArrayList<>();
    summary.add(plan.isTopic()
        ? "The parameters of topic " + Docs.code(plan.channel().topic().pattern()) + ", read from the topic string"
            + " a client subscribes to and validated against their schemas."
        : plan.channel().address() == null
        ? "Channel " + Docs.code(plan.channel().key()) + " has no path parameters: the document gives it no"
            + " address."
        : plan.parameters().isEmpty()
        ? "Channel " + Docs.code(plan.channel().key()) + " has no path parameters: its address is "
            + Docs.code(plan.channel().address()) + "."
        : "The path parameters of channel " + Docs.code(plan.channel().key()) + ", taken from "
            + Docs.code(plan.channel().address()) + ".");
    CodeBlock.Builder doc = Docs.block(summary).toBuilder();
    MethodSpec.Builder constructor = MethodSpec.constructorBuilder();
    MethodSpec.Builder checks = MethodSpec.compactConstructorBuilder().addModifiers(Modifier.PUBLIC)
        .addJavadoc("Checks that every path parameter is present.\n\n");
    if (!plan.parameters().isEmpty()) {
      doc.add("\n");
    }
    boolean anyCheck = false;
    for (ParameterPlan p : plan.parameters()) {
      TypeName type = p.enumDecl() != null ? p.enumDecl().name() : p.kind().type();
      constructor.addParameter(ParameterSpec.builder(type, p.component())
          .addAnnotation(RecordWriter.jsonProperty(p.parameter().name(), false)).build());
      String text = Docs.first(p.parameter().description(), p.parameter().schema().description());
      String param = Docs.param(p.component(),
          text != null ? text : "the " + Docs.code(p.parameter().name()) + " parameter");
      doc.add("$L", param);
      checks.addJavadoc("$L", param);
      if (!type.isPrimitive()) {
        checks.addStatement("$T.requireNonNull($N, $S)", Types.OBJECTS, p.component(), p.component());
        anyCheck = true;
      }
    }
    TypeSpec.Builder type = TypeSpec.recordBuilder(plan.roles().path())
        .addAnnotation(header.generated())
        .addModifiers(Modifier.PUBLIC)
        .addJavadoc(doc.build())
        .recordConstructor(constructor.build());
    if (anyCheck) {
      type.addMethod(checks.build());
    }
    return type.build();
  }
}
