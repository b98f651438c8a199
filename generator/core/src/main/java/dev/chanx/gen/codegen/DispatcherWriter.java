package dev.chanx.gen.codegen;

import com.palantir.javapoet.CodeBlock;
import com.palantir.javapoet.MethodSpec;
import com.palantir.javapoet.ParameterizedTypeName;
import com.palantir.javapoet.TypeName;
import com.palantir.javapoet.TypeSpec;
import dev.chanx.gen.codegen.ChannelPlan.OperationPlan;
import java.util.ArrayList;
import java.util.List;
import javax.lang.model.element.Modifier;

/**
 * Writes {@code <C>Dispatcher}: decodes a client frame with {@link FrameDecoding} and calls the
 * handler method for the typed message.
 */
final class DispatcherWriter {

  private final FileHeader header;
  private final ChannelPlan plan;
  private final FrameDecoding decoding;

  DispatcherWriter(FileHeader header, ChannelPlan plan) {
    this.header = header;
    this.plan = plan;
    this.decoding = new FrameDecoding(plan, plan.clientMessages(), plan.roles().clientMessage());
  }

  TypeSpec write() {
    ChannelPlan.Roles roles = plan.roles();
    TypeSpec.Builder type = TypeSpec.classBuilder(roles.dispatcher())
        .addAnnotation(header.generated())
        .addModifiers(Modifier.PUBLIC, Modifier.FINAL)
        .addJavadoc(javadoc())
        .addSuperinterface(ParameterizedTypeName.get(Types.DISPATCHER, roles.handler(), roles.clientMessage(),
            roles.serverMessage(), roles.path()))
        .addFields(decoding.fields());
    type.addMethod(MethodSpec.constructorBuilder().addModifiers(Modifier.PRIVATE).build())
        .addMethod(MethodSpec.methodBuilder("create")
            .addJavadoc("A dispatcher for channel $L; it holds no state.\n\n", Docs.code(plan.channel().key()))
            .addJavadoc("@return a dispatcher for channel $L\n", Docs.code(plan.channel().key()))
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
        .addMethod(decoding.decode(MethodSpec.methodBuilder("decode")
            .addAnnotation(Override.class)
            .addModifiers(Modifier.PUBLIC)));
    MethodSpec read = decoding.read(MethodSpec.methodBuilder("read")
        .addAnnotation(Override.class)
        .addModifiers(Modifier.PUBLIC));
    if (read != null) {
      type.addMethod(read);
    }
    MethodSpec binary = decoding.decodeBinary(MethodSpec.methodBuilder("decodeBinary")
        .addAnnotation(Override.class)
        .addModifiers(Modifier.PUBLIC));
    if (binary != null) {
      type.addMethod(binary);
    }
    if (decoding.values()) {
      type.addMethod(MethodSpec.methodBuilder("acceptsValues")
          .addAnnotation(Override.class)
          .addModifiers(Modifier.PUBLIC)
          .returns(TypeName.BOOLEAN)
          .addStatement("return true")
          .build());
    }
    MethodSpec untagged = decoding.decodeUntagged();
    if (untagged != null) {
      type.addMethod(untagged);
    }
    return type.addMethod(dispatch()).build();
  }

  private CodeBlock javadoc() {
    List<String> doc = new ArrayList<>();
    doc.add("Decodes and routes what clients send on channel " + Docs.code(plan.channel().key()) + ".");
    doc.add("{@link #decode} reads the " + Docs.code(decoding.discriminator()) + " of a frame and validates the frame"
        + " against that message's schema in one pass over the parsed tree, reporting every problem"
        + " found. {@link #read} is the quick path for plainly valid frames: it reads the message"
        + " straight from the parser, to the same result, and leaves everything else to"
        + " {@code decode}. {@link #dispatch} calls the {@link " + plan.roles().handler().simpleName()
        + "} method for the message; a message listed by several receive operations is handled by the"
        + " first of them.");
    return Docs.block(doc);
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
    java.util.Set<com.palantir.javapoet.ClassName> late = new java.util.LinkedHashSet<>();
    for (ChannelPlan.PushPlan push : plan.pushes()) {
      push.replies().forEach(m -> late.add(m.decl().name()));
    }
    for (OperationPlan op : plan.operations()) {
      op.handles().forEach(m -> late.remove(m.decl().name()));
    }
    if (!late.isEmpty()) {
      // The runtime hands a reply to the request waiting for it; one that comes later has nowhere to go.
      method.addCode("// A reply that no request of the server's waits for any more (it came too late): dropped.\n");
      for (com.palantir.javapoet.ClassName reply : late) {
        method.beginControlFlow("if (message instanceof $T)", reply).addStatement("return null").endControlFlow();
      }
    }
    return method
        .addStatement("throw new $T($S + message)", IllegalArgumentException.class,
            "not a message of channel " + plan.channel().key() + ": ")
        .build();
  }
}
