package dev.chanx.gen.codegen;

import com.palantir.javapoet.FieldSpec;
import com.palantir.javapoet.MethodSpec;
import com.palantir.javapoet.ParameterizedTypeName;
import com.palantir.javapoet.TypeName;
import com.palantir.javapoet.TypeSpec;
import java.util.List;
import java.util.Objects;
import javax.lang.model.element.Modifier;

/**
 * Writes a topic's publisher, such as {@code RoomTopic}: what the server sends to every subscriber
 * of a topic instance, from any server code, as Chanx's {@code RoomTopic.broadcast(topic, event)}.
 */
final class TopicWriter {

  private final FileHeader header;
  private final ChannelPlan plan;

  TopicWriter(FileHeader header, ChannelPlan plan) {
    this.header = header;
    this.plan = plan;
  }

  TypeSpec write() {
    ChannelPlan.Roles roles = plan.roles();
    String pattern = plan.channel().topic().pattern();
    TypeName publisher = ParameterizedTypeName.get(Types.TOPIC_PUBLISHER, roles.serverMessage(), roles.path());
    return TypeSpec.classBuilder(roles.publisher())
        .addAnnotation(header.generated())
        .addModifiers(Modifier.PUBLIC, Modifier.FINAL)
        .addJavadoc(Docs.block(List.of(
            "Sends to every subscriber of an instance of topic " + Docs.code(pattern) + ", wherever it is"
                + " connected: from another thread, an HTTP endpoint, a scheduled job.",
            "Safe to use from any thread. Each message is serialised once, stamped with the topic, and goes"
                + " through the server's channel layer, so it reaches subscribers on every node once a"
                + " distributed layer is configured.")))
        .addField(FieldSpec.builder(publisher, "publisher", Modifier.PRIVATE, Modifier.FINAL).build())
        .addMethod(MethodSpec.constructorBuilder().addModifiers(Modifier.PRIVATE)
            .addParameter(publisher, "publisher")
            .addStatement("this.publisher = publisher")
            .build())
        .addMethod(MethodSpec.methodBuilder("of")
            .addJavadoc("A publisher to the subscribers of topic $L through a server's channel layer.\n\n",
                Docs.code(pattern))
            .addJavadoc("@param server the server, started or not; it need not mount the topic\n")
            .addJavadoc("@return a publisher to the subscribers of topic $L\n", Docs.code(pattern))
            .addModifiers(Modifier.PUBLIC, Modifier.STATIC)
            .addParameter(Types.CHANX_SERVER, "server")
            .returns(roles.publisher())
            .addStatement("return new $T(server.topic($T.create()))", roles.publisher(), roles.route())
            .build())
        .addMethod(MethodSpec.methodBuilder("of")
            .addJavadoc("A publisher that hands every message to another, such as one that records them in a test.\n\n")
            .addJavadoc("@param publisher receives every message\n")
            .addJavadoc("@return a publisher that hands every message to {@code publisher}\n")
            .addModifiers(Modifier.PUBLIC, Modifier.STATIC)
            .addParameter(publisher, "publisher")
            .returns(roles.publisher())
            .addStatement("return new $T($T.requireNonNull(publisher, $S))", roles.publisher(), Objects.class,
                "publisher")
            .build())
        .addMethod(MethodSpec.methodBuilder("broadcast")
            .addJavadoc("Sends a message to every subscriber of the topic these parameters name.\n\n")
            .addJavadoc("@param parameters the topic's parameters\n")
            .addJavadoc("@param message the message\n")
            .addModifiers(Modifier.PUBLIC)
            .addParameter(roles.path(), "parameters")
            .addParameter(roles.serverMessage(), "message")
            .addStatement("publisher.broadcast(parameters, message)")
            .build())
        .addMethod(MethodSpec.methodBuilder("broadcast")
            .addJavadoc("Sends a message carrying a producer-assigned {@code seq}, for gap detection only: there is\n"
                + "no replay. Leave it out on a topic with several writers.\n\n")
            .addJavadoc("@param parameters the topic's parameters\n")
            .addJavadoc("@param message the message\n")
            .addJavadoc("@param seq the sequence number the frame carries\n")
            .addModifiers(Modifier.PUBLIC)
            .addParameter(roles.path(), "parameters")
            .addParameter(roles.serverMessage(), "message")
            .addParameter(TypeName.LONG, "seq")
            .addStatement("publisher.broadcast(parameters, message, seq)")
            .build())
        .build();
  }
}
