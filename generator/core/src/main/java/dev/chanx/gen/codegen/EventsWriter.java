package dev.chanx.gen.codegen;

import com.palantir.javapoet.MethodSpec;
import com.palantir.javapoet.ParameterizedTypeName;
import com.palantir.javapoet.TypeSpec;
import dev.chanx.gen.codegen.ChannelPlan.PushPlan;
import java.util.List;
import javax.lang.model.element.Modifier;

/**
 * Writes {@code <C>Events}: how the node that delivers a push decodes it (with the channel's
 * server message decoder) and which handler transform it passes through on its way to each
 * connection.
 */
final class EventsWriter {

  private final FileHeader header;
  private final ChannelPlan plan;

  EventsWriter(FileHeader header, ChannelPlan plan) {
    this.header = header;
    this.plan = plan;
  }

  TypeSpec write() {
    ChannelPlan.Roles roles = plan.roles();
    return TypeSpec.classBuilder(roles.events())
        .addAnnotation(header.generated())
        .addModifiers(Modifier.PUBLIC, Modifier.FINAL)
        .addJavadoc(Docs.block(List.of("Decodes what is pushed on channel " + Docs.code(plan.channel().key())
            + " and passes it through the {@link " + roles.handler().simpleName() + "} transform for it.",
            "The runtime calls it on the node that delivers a push: {@link #decode} once per push,"
                + " {@link #transform} once for each connection the push reaches. A message that no send"
                + " operation lists goes out unchanged.")))
        .addSuperinterface(ParameterizedTypeName.get(Types.CHANNEL_EVENTS, roles.handler(), roles.serverMessage(),
            roles.path()))
        .addMethod(MethodSpec.constructorBuilder().addModifiers(Modifier.PRIVATE).build())
        .addMethod(MethodSpec.methodBuilder("create")
            .addJavadoc("The events of channel $L; they hold no state.\n\n", Docs.code(plan.channel().key()))
            .addJavadoc("@return the events of channel $L\n", Docs.code(plan.channel().key()))
            .addModifiers(Modifier.PUBLIC, Modifier.STATIC)
            .returns(roles.events())
            .addStatement("return new $T()", roles.events())
            .build())
        .addMethod(MethodSpec.methodBuilder("decode")
            .addAnnotation(Override.class)
            .addModifiers(Modifier.PUBLIC)
            .returns(ParameterizedTypeName.get(Types.DECODED, roles.serverMessage()))
            .addParameter(Types.JSON_NODE, "frame")
            .addStatement("return $T.decode(frame)", roles.serverDecoder())
            .build())
        .addMethod(transform())
        .build();
  }

  private MethodSpec transform() {
    ChannelPlan.Roles roles = plan.roles();
    MethodSpec.Builder method = MethodSpec.methodBuilder("transform")
        .addAnnotation(Override.class)
        .addModifiers(Modifier.PUBLIC)
        .returns(roles.serverMessage())
        .addParameter(roles.serverMessage(), "event")
        .addParameter(roles.handler(), "handler")
        .addParameter(HandlerWriter.connection(plan), "connection")
        .addException(Exception.class);
    for (PushPlan push : plan.pushes()) {
      Names locals = Names.members(List.of("event", "handler", "connection"));
      String local = locals.allocate(Names.lowerCamel(push.type().simpleName(), "pushed"));
      method.beginControlFlow("if (event instanceof $T $N)", push.type(), local)
          .addStatement("return handler.$N($N, connection)", push.transform(), local)
          .endControlFlow();
    }
    return method.addStatement("return event").build();
  }
}
