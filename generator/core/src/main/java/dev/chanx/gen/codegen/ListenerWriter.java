package dev.chanx.gen.codegen;

import com.palantir.javapoet.MethodSpec;
import com.palantir.javapoet.TypeSpec;
import dev.chanx.gen.codegen.ClientPlan.Received;
import java.util.ArrayList;
import java.util.List;
import javax.lang.model.element.Modifier;

/**
 * Writes {@code <C>Listener}: what a Java client's user implements, one method per type of
 * message the server may send, each doing nothing unless overridden.
 */
final class ListenerWriter {

  private final FileHeader header;
  private final ClientPlan client;

  ListenerWriter(FileHeader header, ClientPlan client) {
    this.header = header;
    this.client = client;
  }

  TypeSpec write() {
    ChannelPlan plan = client.channel();
    List<String> doc = new ArrayList<>();
    doc.add("Receives what the server sends on channel " + Docs.code(plan.channel().key())
        + ": one method per message, each doing nothing unless overridden.");
    doc.add("{@link ClientListener} adds the connection's events and the server's error frames. Methods are"
        + " called one at a time, in the order the frames arrived. A reply that completes the future of a"
        + " {@code request} of {@link " + plan.roles().client().simpleName() + "} is not delivered here too.");
    TypeSpec.Builder type = TypeSpec.interfaceBuilder(plan.roles().listener())
        .addAnnotation(header.generated())
        .addModifiers(Modifier.PUBLIC)
        .addJavadoc(Docs.block(doc))
        .addSuperinterface(Types.CLIENT_LISTENER);
    for (Received received : client.receives()) {
      type.addMethod(method(received));
    }
    return type.build();
  }

  private static MethodSpec method(Received received) {
    List<String> tags = received.messages().stream()
        .map(m -> m.message().tag() != null ? m.message().tag() : m.message().key())
        .distinct()
        .map(Docs::code)
        .toList();
    String summary = "Receives " + String.join(", ", tags) + " from the server, as {@link "
        + received.decl().name().simpleName() + "}.";
    if (received.answer() != null) {
      return MethodSpec.methodBuilder(received.method())
          .addModifiers(Modifier.PUBLIC, Modifier.DEFAULT)
          .addJavadoc(Docs.block(List.of(summary, "The server sends it as a request: what this method returns goes"
                  + " back as the reply, with the frame's {@code ref}; null sends nothing (the server's request then"
                  + " times out).")).toBuilder()
              .add("\n@param message the message, already validated against its schema\n")
              .add("@return the reply, or null for none\n").build())
          .returns(received.answer())
          .addParameter(received.decl().name(), "message")
          .addStatement("return null")
          .build();
    }
    return MethodSpec.methodBuilder(received.method())
        .addModifiers(Modifier.PUBLIC, Modifier.DEFAULT)
        .addJavadoc(Docs.block(List.of(summary)).toBuilder()
            .add("\n@param message the message, already validated against its schema\n").build())
        .addParameter(received.decl().name(), "message")
        .build();
  }
}
