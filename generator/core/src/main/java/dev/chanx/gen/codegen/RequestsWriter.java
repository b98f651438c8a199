package dev.chanx.gen.codegen;

import com.palantir.javapoet.ClassName;
import com.palantir.javapoet.CodeBlock;
import com.palantir.javapoet.FieldSpec;
import com.palantir.javapoet.MethodSpec;
import com.palantir.javapoet.TypeSpec;
import dev.chanx.gen.codegen.ChannelPlan.MessagePlan;
import dev.chanx.gen.codegen.ChannelPlan.PushPlan;
import java.util.ArrayList;
import java.util.List;
import javax.lang.model.element.Modifier;

/**
 * Writes {@code <C>Requests}: for each send operation with a {@code reply}, a method that sends its
 * message to one connection as a request and completes with the client's typed reply.
 */
final class RequestsWriter {

  private final FileHeader header;
  private final ChannelPlan plan;

  RequestsWriter(FileHeader header, ChannelPlan plan) {
    this.header = header;
    this.plan = plan;
  }

  /**
   * The JSON pointer of the correlation id every request and reply of a push gives at the same
   * place of the frame, such as {@code /envelope_id}; null: they are matched by {@code ref}.
   */
  static String correlation(PushPlan push) {
    List<String> locations = new ArrayList<>();
    push.messages().forEach(m -> locations.add(m.message().correlationId()));
    push.replies().forEach(m -> locations.add(m.message().correlationId()));
    return ClientWriter.pointer(locations);
  }

  TypeSpec write() {
    ChannelPlan.Roles roles = plan.roles();
    String key = Docs.code(plan.channel().key());
    TypeSpec.Builder type = TypeSpec.classBuilder(roles.requests())
        .addAnnotation(header.generated())
        .addModifiers(Modifier.PUBLIC, Modifier.FINAL)
        .addJavadoc(Docs.block(List.of("Requests the server sends one connection of channel " + key
            + ", each completing with the client's reply: the send operations whose reply the document gives.",
            "The reply is recognised by the {@code ref} the request carries and the reply repeats, or, where"
                + " the document gives both messages a {@code correlationId} at one place of the payload, by that"
                + " id; it then goes to no handler method. A request fails with a {@code TimeoutException} naming"
                + " it when no reply comes within its timeout ({@link #DEFAULT_TIMEOUT} unless given), and with an"
                + " {@code IOException} when the connection closes first.")))
        .addField(FieldSpec.builder(Types.DURATION, "DEFAULT_TIMEOUT", Modifier.PUBLIC, Modifier.STATIC,
                Modifier.FINAL)
            .addJavadoc("How long a request waits for its reply unless told otherwise: 30 seconds.\n")
            .initializer("$T.ofSeconds(30)", Types.DURATION)
            .build())
        .addMethod(MethodSpec.constructorBuilder().addModifiers(Modifier.PRIVATE).build());
    for (PushPlan push : plan.pushes()) {
      if (push.isRequest()) {
        type.addMethod(withDefault(push)).addMethod(request(push));
      }
    }
    return type.build();
  }

  private CodeBlock.Builder doc(PushPlan push) {
    String pointer = correlation(push);
    return Docs.block(List.of("Sends " + HandlerWriter.tags(push.messages()) + " (operation "
            + Docs.code(push.operation().key()) + ") to a connection and completes with the client's reply, "
            + HandlerWriter.tags(push.replies()) + ", matched by " + (pointer == null ? "{@code ref}"
            : "the correlation id at " + Docs.code(pointer) + ", which the request must carry") + "."))
        .toBuilder()
        .add("\n$L", Docs.param("connection", "the connection to ask, as its handler has it"))
        .add("$L", Docs.param("request", "the request"));
  }

  private MethodSpec withDefault(PushPlan push) {
    return MethodSpec.methodBuilder(push.request())
        .addJavadoc(doc(push)
            .add("$L", Docs.tag("@return completes with the reply; fails after {@link #DEFAULT_TIMEOUT} without"
                + " one, or when the connection closes first"))
            .build())
        .addModifiers(Modifier.PUBLIC, Modifier.STATIC)
        .returns(Types.future(push.reply()))
        .addParameter(HandlerWriter.connection(plan), "connection")
        .addParameter(push.type(), "request")
        .addStatement("return $N(connection, request, DEFAULT_TIMEOUT)", push.request())
        .build();
  }

  private MethodSpec request(PushPlan push) {
    String pointer = correlation(push);
    CodeBlock match = pointer == null
        ? CodeBlock.of("$T.byRef($L)", Types.REPLY_MATCH, narrow(push))
        : CodeBlock.of("$T.byCorrelation($L, $S)", Types.REPLY_MATCH, narrow(push), pointer);
    return MethodSpec.methodBuilder(push.request())
        .addJavadoc(doc(push)
            .add("$L", Docs.param("timeout", "how long to wait for the reply"))
            .add("$L", Docs.tag("@return completes with the reply; fails after {@code timeout} without one, or"
                + " when the connection closes first"))
            .build())
        .addModifiers(Modifier.PUBLIC, Modifier.STATIC)
        .returns(Types.future(push.reply()))
        .addParameter(HandlerWriter.connection(plan), "connection")
        .addParameter(push.type(), "request")
        .addParameter(Types.DURATION, "timeout")
        .addStatement("return connection.request(request,$W$L,$Wtimeout)", match)
        .build();
  }

  // What the client sent, narrowed to the reply's type, or null when it is another message.
  private CodeBlock narrow(PushPlan push) {
    if (push.replies().size() == 1) {
      ClassName reply = push.reply();
      return CodeBlock.of("reply -> reply instanceof $T answer ? answer : null", reply);
    }
    List<CodeBlock> kinds = new ArrayList<>();
    for (MessagePlan m : push.replies()) {
      kinds.add(CodeBlock.of("answer instanceof $T", m.decl().name()));
    }
    return CodeBlock.of("reply -> reply instanceof $T answer && ($L) ? answer : null", push.reply(),
        CodeBlock.join(kinds, " || "));
  }
}
