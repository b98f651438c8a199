package dev.chanx.gen.codegen;

import com.palantir.javapoet.ArrayTypeName;
import com.palantir.javapoet.CodeBlock;
import com.palantir.javapoet.FieldSpec;
import com.palantir.javapoet.MethodSpec;
import com.palantir.javapoet.ParameterizedTypeName;
import com.palantir.javapoet.TypeName;
import com.palantir.javapoet.TypeSpec;
import dev.chanx.gen.codegen.ChannelPlan.PushPlan;
import java.util.ArrayList;
import java.util.List;
import javax.lang.model.element.Modifier;

/**
 * Writes {@code <C>Publisher}: what any server code uses to push the messages of the channel's
 * send operations to one connection or to groups, through the channel layer, one pair of methods
 * per operation typed to exactly its messages.
 */
final class PublisherWriter {

  private final FileHeader header;
  private final ChannelPlan plan;

  PublisherWriter(FileHeader header, ChannelPlan plan) {
    this.header = header;
    this.plan = plan;
  }

  TypeSpec write() {
    ChannelPlan.Roles roles = plan.roles();
    TypeName publisher = ParameterizedTypeName.get(Types.CHANNEL_PUBLISHER, roles.serverMessage());
    TypeSpec.Builder type = TypeSpec.classBuilder(roles.publisher())
        .addAnnotation(header.generated())
        .addModifiers(Modifier.PUBLIC, Modifier.FINAL)
        .addJavadoc(Docs.block(List.of("Pushes what the server sends on channel " + Docs.code(plan.channel().key())
            + " from any server code: another thread, an HTTP endpoint, a scheduled job.",
            "Safe to use from any thread. A push goes through the server's channel layer, so it reaches"
                + " connections on every node once a distributed layer is configured. It is serialised once; the"
                + " node that delivers it calls the {@link " + roles.handler().simpleName() + "} transform for it"
                + " once for each connection it reaches.")))
        .addField(FieldSpec.builder(publisher, "publisher", Modifier.PRIVATE, Modifier.FINAL).build())
        .addMethod(MethodSpec.constructorBuilder()
            .addModifiers(Modifier.PRIVATE)
            .addParameter(publisher, "publisher")
            .addStatement("this.publisher = publisher")
            .build())
        .addMethod(MethodSpec.methodBuilder("of")
            .addJavadoc(Docs.block(List.of("A publisher to the connections of channel "
                + Docs.code(plan.channel().key()) + " on a server that hosts it, started or not.")).toBuilder()
                .add("\n$L", Docs.param("server", "the server that hosts channel " + Docs.code(plan.channel().key())))
                .add("$L", Docs.tag("@return a publisher to the connections of channel "
                    + Docs.code(plan.channel().key())))
                .build())
            .addModifiers(Modifier.PUBLIC, Modifier.STATIC)
            .returns(roles.publisher())
            .addParameter(Types.CHANX_SERVER, "server")
            .addCode(plan.channel().address() == null
                ? CodeBlock.builder()
                    .add("// The server finds the channel by its name, wherever the application placed it.\n")
                    .addStatement("return new $T(server.publisher($T.at($S)))", roles.publisher(), roles.route(), "/")
                    .build()
                : CodeBlock.of("return new $T(server.publisher($T.create()));\n", roles.publisher(), roles.route()))
            .build())
        .addMethod(MethodSpec.methodBuilder("of")
            .addJavadoc(Docs.block(List.of(
                "A publisher that hands every push to another, such as one that records them in a test.")).toBuilder()
                .add("\n$L", Docs.param("publisher", "receives every push"))
                .add("$L", Docs.tag("@return a publisher that hands every push to {@code publisher}"))
                .build())
            .addModifiers(Modifier.PUBLIC, Modifier.STATIC)
            .returns(roles.publisher())
            .addParameter(publisher, "publisher")
            .addStatement("return new $T($T.requireNonNull(publisher, $S))", roles.publisher(), Types.OBJECTS,
                "publisher")
            .build());
    for (PushPlan push : plan.pushes()) {
      type.addMethod(push(push)).addMethod(broadcast(push, true)).addMethod(broadcast(push, false));
    }
    return type.build();
  }

  private MethodSpec push(PushPlan push) {
    CodeBlock doc = doc(push, "Pushes " + HandlerWriter.tags(push.messages())
            + " to one connection of the channel, wherever it is connected.")
        .add("$L", Docs.param("connectionId",
            "the connection's id, as its handler reads it from {@code connection.id()}"))
        .add("$L", Docs.param("message", "the message"))
        .build();
    return MethodSpec.methodBuilder(push.push())
        .addModifiers(Modifier.PUBLIC)
        .addJavadoc(doc)
        .addParameter(Types.STRING, "connectionId")
        .addParameter(push.type(), "message")
        .addStatement("publisher.send(connectionId, message)")
        .build();
  }

  private MethodSpec broadcast(PushPlan push, boolean varargs) {
    CodeBlock doc = doc(push, "Pushes " + HandlerWriter.tags(push.messages())
            + " to every member of the named groups of the channel, each member once.")
        .add("$L", Docs.param("message", "the message"))
        .add("$L", Docs.param("groups", "the groups, named as connections join them"))
        .build();
    MethodSpec.Builder method = MethodSpec.methodBuilder(push.broadcast())
        .addModifiers(Modifier.PUBLIC)
        .addJavadoc(doc)
        .addParameter(push.type(), "message");
    if (varargs) {
      method.addParameter(ArrayTypeName.of(Types.STRING), "groups").varargs(true);
    } else {
      method.addParameter(ParameterizedTypeName.get(Types.COLLECTION, Types.STRING), "groups");
    }
    return method.addStatement("publisher.broadcast(message, groups)").build();
  }

  private CodeBlock.Builder doc(PushPlan push, String summary) {
    List<String> paragraphs = new ArrayList<>();
    paragraphs.add(summary);
    paragraphs.addAll(Docs.paragraphs(push.operation().summary(), push.operation().title(),
        push.operation().description()));
    paragraphs.add("On its way to each connection it passes through {@link " + plan.roles().handler().simpleName()
        + "#" + push.transform() + "}.");
    return Docs.block(paragraphs).toBuilder().add("\n");
  }
}
