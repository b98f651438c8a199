package dev.chanx.gen.codegen;

import com.palantir.javapoet.CodeBlock;
import com.palantir.javapoet.MethodSpec;
import com.palantir.javapoet.ParameterizedTypeName;
import com.palantir.javapoet.TypeName;
import com.palantir.javapoet.TypeSpec;
import dev.chanx.gen.codegen.ChannelPlan.MessagePlan;
import dev.chanx.gen.codegen.ChannelPlan.OperationPlan;
import dev.chanx.gen.codegen.ChannelPlan.PushPlan;
import java.util.ArrayList;
import java.util.List;
import javax.lang.model.element.Modifier;

/**
 * Writes {@code <C>Handler}: the interface an application implements, one method per receive
 * operation, whose return type says what goes back to the sender, and one default method per send
 * operation that may transform a push for each connection it reaches.
 */
final class HandlerWriter {

  private final FileHeader header;
  private final ChannelPlan plan;

  HandlerWriter(FileHeader header, ChannelPlan plan) {
    this.header = header;
    this.plan = plan;
  }

  /** {@code Connection<ChatServerMessage, ChatPath>}. */
  static TypeName connection(ChannelPlan plan) {
    return ParameterizedTypeName.get(Types.CONNECTION, plan.roles().serverMessage(), plan.roles().path());
  }

  TypeSpec write() {
    List<String> doc = new ArrayList<>();
    if (plan.isTopic()) {
      doc.add("Handles topic " + Docs.code(plan.channel().topic().pattern()) + ": who may subscribe, the"
          + " subscription's life cycle and what subscribers send on it.");
    } else {
      doc.add("Handles what clients send on channel " + Docs.code(plan.channel().key()) + " "
          + Docs.at(plan.channel()) + ".");
    }
    doc.addAll(Docs.paragraphs(plan.channel().title(), plan.channel().summary(), plan.channel().description())
        .stream().filter(t -> !t.equals(plan.channel().key())).toList());
    if (plan.operations().isEmpty()) {
      doc.add(plan.roles().requests() == null
          ? "Clients send nothing on this channel, so only the connection hooks apply."
          : "Clients send only their replies to the server's requests ({@link " + plan.roles().requests().simpleName()
              + "}), so only the connection hooks apply.");
    }
    if (plan.isTopic()) {
      doc.add("Implement it and mount it with its route on the channel that serves the topic: "
          + "{@code channel.topic(" + plan.roles().route().simpleName() + ".create(), handler)}. The connection"
          + " its methods get is the subscription: its {@code path()} is the topic's parameters and what it sends"
          + " carries the topic.");
    } else {
      doc.add("Implement it and register it with its route, "
          + "{@link " + plan.roles().route().simpleName()
          + (plan.channel().address() == null ? "#at(String)" : "#create()")
          + "}. Each frame of one connection is "
          + "handled after the previous one; different connections are handled in parallel.");
    }
    if (!plan.pushes().isEmpty() && !plan.isTopic()) {
      doc.add("What {@link " + plan.roles().publisher().simpleName() + "} pushes reaches each connection"
          + " through the transform for it ("
          + String.join(", ", plan.pushes().stream().map(p -> "{@link #" + p.transform() + "}").toList())
          + "); by default a push goes out unchanged.");
    }
    TypeSpec.Builder type = TypeSpec.interfaceBuilder(plan.roles().handler())
        .addAnnotation(header.generated())
        .addModifiers(Modifier.PUBLIC)
        .addJavadoc(Docs.block(doc))
        .addSuperinterface(ParameterizedTypeName.get(plan.isTopic() ? Types.TOPIC_HANDLER : Types.CHANNEL_HANDLER,
            plan.roles().serverMessage(), plan.roles().path()));
    for (OperationPlan op : plan.operations()) {
      type.addMethod(method(op));
    }
    for (PushPlan push : plan.isTopic() ? List.<PushPlan>of() : plan.pushes()) {
      type.addMethod(transform(push));
    }
    return type.build();
  }

  private MethodSpec transform(PushPlan push) {
    List<String> paragraphs = new ArrayList<>();
    paragraphs.add("Transforms " + tags(push.messages()) + " frames pushed to clients, once for each connection a"
        + " push reaches, on the node that delivers it.");
    paragraphs.addAll(Docs.paragraphs(push.operation().summary(), push.operation().title(),
        push.operation().description()));
    paragraphs.add("It runs on the thread that delivers the push, possibly while a frame of the same"
        + " connection is being handled.");
    CodeBlock doc = Docs.block(paragraphs).toBuilder()
        .add("\n@param event the pushed message\n")
        .add("@param connection the connection it is about to reach\n")
        .add("$L", Docs.tag("@return what this connection receives: {@code event} itself (the default), as it"
            + " was serialised once for all; another message, serialised for this connection; or null for nothing"))
        .add("@throws Exception when it cannot be transformed; this connection then gets nothing\n")
        .build();
    return MethodSpec.methodBuilder(push.transform())
        .addModifiers(Modifier.PUBLIC, Modifier.DEFAULT)
        .addJavadoc(doc)
        .returns(push.type())
        .addParameter(push.type(), "event")
        .addParameter(connection(plan), "connection")
        .addException(Exception.class)
        .addStatement("return event")
        .build();
  }

  /** The wire tags of messages as inline code, comma separated, such as {@code {@code job_result}}. */
  static String tags(List<MessagePlan> messages) {
    return String.join(", ", messages.stream()
        .map(m -> Docs.code(m.message().tag() != null ? m.message().tag() : m.message().key()))
        .toList());
  }

  private MethodSpec method(OperationPlan op) {
    List<String> paragraphs = new ArrayList<>(Docs.paragraphs(
        op.operation().summary(), op.operation().title(), op.operation().description()));
    if (paragraphs.isEmpty()) {
      paragraphs.add("Handles " + tags(op.handles()) + " frames.");
    }
    CodeBlock.Builder doc = Docs.block(paragraphs).toBuilder()
        .add("\n@param message the frame, already validated\n")
        .add("@param connection the sender's connection: send, broadcast or join groups through it\n");
    if (op.returns() != null) {
      doc.add("@return the reply to send back to the sender, or null to send none\n");
    }
    doc.add("@throws Exception when the frame cannot be handled; the sender then gets an error frame\n");
    MethodSpec.Builder method = MethodSpec.methodBuilder(op.method())
        .addModifiers(Modifier.PUBLIC, Modifier.ABSTRACT)
        .addJavadoc(doc.build())
        .addParameter(op.parameter(), "message")
        .addParameter(connection(plan), "connection")
        .addException(Exception.class);
    if (op.returns() != null) {
      method.returns(op.returns());
    }
    return method.build();
  }
}
