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
 * Writes {@code <C>Handler}: the interface an application implements, one method per receive
 * operation, whose return type says what goes back to the sender.
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
    doc.add("Handles what clients send on channel " + Docs.code(plan.channel().key()) + " at "
        + Docs.code(plan.channel().address()) + ".");
    doc.addAll(Docs.paragraphs(plan.channel().title(), plan.channel().summary(), plan.channel().description())
        .stream().filter(t -> !t.equals(plan.channel().key())).toList());
    if (plan.operations().isEmpty()) {
      doc.add("Clients send nothing on this channel, so only the connection hooks apply.");
    }
    doc.add("Implement it and register it with its route, "
        + "{@link " + plan.roles().route().simpleName() + "#create()}. Each frame of one connection is "
        + "handled after the previous one; different connections are handled in parallel.");
    TypeSpec.Builder type = TypeSpec.interfaceBuilder(plan.roles().handler())
        .addAnnotation(header.generated())
        .addModifiers(Modifier.PUBLIC)
        .addJavadoc(Docs.block(doc))
        .addSuperinterface(ParameterizedTypeName.get(Types.CHANNEL_HANDLER, plan.roles().serverMessage(),
            plan.roles().path()));
    for (OperationPlan op : plan.operations()) {
      type.addMethod(method(op));
    }
    return type.build();
  }

  private MethodSpec method(OperationPlan op) {
    List<String> paragraphs = new ArrayList<>(Docs.paragraphs(
        op.operation().summary(), op.operation().title(), op.operation().description()));
    if (paragraphs.isEmpty()) {
      paragraphs.add("Handles " + op.handles().stream()
          .map(m -> Docs.code(m.message().tag() != null ? m.message().tag() : m.message().key()))
          .reduce((a, b) -> a + ", " + b).orElse("") + " frames.");
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
