package dev.chanx.gen.codegen;

import com.palantir.javapoet.ClassName;
import com.palantir.javapoet.CodeBlock;
import com.palantir.javapoet.FieldSpec;
import com.palantir.javapoet.MethodSpec;
import com.palantir.javapoet.ParameterizedTypeName;
import com.palantir.javapoet.TypeName;
import com.palantir.javapoet.TypeSpec;
import com.palantir.javapoet.WildcardTypeName;
import dev.chanx.gen.codegen.ChannelPlan.ParameterPlan;
import dev.chanx.gen.codegen.ClientPlan.Received;
import dev.chanx.gen.codegen.ClientPlan.Request;
import java.util.ArrayList;
import java.util.List;
import javax.lang.model.element.Modifier;

/**
 * Writes {@code <C>Client}: a typed client of one channel on the JDK's WebSocket, a thin shell over
 * the runtime's {@code ChanxClient} that fills the address, sends typed messages, narrows replies
 * and hands each message the server sends to its listener method.
 */
final class ClientWriter {

  private final FileHeader header;
  private final ClientPlan client;
  private final ChannelPlan plan;
  private final ChannelPlan.Roles roles;
  private final List<ChannelPlan> topics;

  ClientWriter(FileHeader header, ClientPlan client) {
    this(header, client, List.of());
  }

  /** A client of a channel whose connection carries {@code topics} (those at its address), each with an accessor. */
  ClientWriter(FileHeader header, ClientPlan client, List<ChannelPlan> topics) {
    this.topics = topics;
    this.header = header;
    this.client = client;
    this.plan = client.channel();
    this.roles = plan.roles();
  }

  TypeSpec write() {
    TypeName connection = ParameterizedTypeName.get(Types.CHANX_CLIENT, roles.clientMessage(), roles.serverMessage());
    TypeSpec.Builder type = TypeSpec.classBuilder(roles.client())
        .addAnnotation(header.generated())
        .addModifiers(Modifier.PUBLIC, Modifier.FINAL)
        .addSuperinterface(AutoCloseable.class)
        .addJavadoc(javadoc())
        .addField(FieldSpec.builder(Types.STRING, "ADDRESS", Modifier.PRIVATE, Modifier.STATIC, Modifier.FINAL)
            .initializer("$S", plan.channel().address() == null ? "" : plan.channel().address()).build())
        .addField(connection, "connection", Modifier.PRIVATE, Modifier.FINAL)
        .addMethod(MethodSpec.constructorBuilder()
            .addModifiers(Modifier.PRIVATE)
            .addParameter(connection, "connection")
            .addStatement("this.connection = connection")
            .build())
        .addMethod(connectWithDefaults())
        .addMethod(connect(connection));
    if (!client.sends().isEmpty()) {
      type.addMethod(MethodSpec.methodBuilder("send")
          .addJavadoc(CodeBlock.builder()
              .add("Sends a message; completes when the frame has been handed to the socket.\n\n")
              .add("@param message what to send\n")
              .add("@return completes once the frame has been handed to the socket\n")
              .build())
          .addModifiers(Modifier.PUBLIC)
          .returns(Types.future(ClassName.get(Void.class)))
          .addParameter(roles.clientMessage(), "message")
          .addStatement("return connection.send(message)")
          .build());
    }
    client.requests().forEach(r -> type.addMethod(request(r)));
    TopicAccessors accessors = new TopicAccessors(topics);
    topics.forEach(t -> type.addMethod(accessors.accessor(t)));
    return type
        .addMethod(MethodSpec.methodBuilder("isOpen")
            .addJavadoc("Whether a connection is open now.\n\n@return {@code true} while a connection is open\n")
            .addModifiers(Modifier.PUBLIC)
            .returns(TypeName.BOOLEAN)
            .addStatement("return connection.isOpen()")
            .build())
        .addMethod(MethodSpec.methodBuilder("close")
            .addJavadoc(CodeBlock.builder()
                .add("Closes the connection with a status code and reason, and stops reconnecting.\n\n")
                .add("@param statusCode 1000 for a normal closure, or an application code from 4000 to 4999\n")
                .add("@param reason why, for the server; possibly empty\n")
                .add("@return completes once the server has answered the close\n")
                .build())
            .addModifiers(Modifier.PUBLIC)
            .returns(Types.future(ClassName.get(Void.class)))
            .addParameter(TypeName.INT, "statusCode")
            .addParameter(Types.STRING, "reason")
            .addStatement("return connection.close(statusCode, reason)")
            .build())
        .addMethod(MethodSpec.methodBuilder("close")
            .addJavadoc("Closes the connection normally (1000) and waits until it is closed.\n")
            .addAnnotation(Override.class)
            .addModifiers(Modifier.PUBLIC)
            .addStatement("connection.close(1000, $S).join()", "")
            .build())
        .addMethod(deliver())
        .build();
  }

  private CodeBlock javadoc() {
    List<String> doc = new ArrayList<>();
    doc.add("A typed client of channel " + Docs.code(plan.channel().key()) + " " + Docs.at(plan.channel())
        + ", on the JDK's WebSocket.");
    doc.add("{@code send} takes what a client may send; {@link " + roles.listener().simpleName()
        + "} receives what the server sends; {@code request} sends a message with a fresh {@code ref} and"
        + " completes with the reply that carries the same {@code ref}. Connect with {@link #connect(URI, "
        + roles.path().simpleName() + ", Consumer, " + roles.listener().simpleName() + ")}; its configuration adds"
        + " query parameters, headers and reconnecting with backoff.");
    return Docs.block(doc);
  }

  // A channel without an address is wherever the server put it: the caller's URI is the endpoint.
  private String serverParam() {
    return plan.channel().address() == null
        ? "@param server the channel's endpoint, such as {@code ws://localhost:8000/ws/v5/public}: the document"
            + " gives the channel no address\n"
        : "@param server the server, such as {@code ws://localhost:8000}; the address goes under its path\n";
  }

  private MethodSpec connectWithDefaults() {
    return MethodSpec.methodBuilder("connect")
        .addJavadoc(CodeBlock.builder()
            .add("Connects to channel $L with the default configuration (no reconnect).\n\n",
                Docs.code(plan.channel().key()))
            .add("$L", serverParam())
            .add("@param path the path parameters\n")
            .add("@param listener receives what the server sends\n")
            .add("@return completes with the client once connected, or fails when the connection cannot be made\n")
            .build())
        .addModifiers(Modifier.PUBLIC, Modifier.STATIC)
        .returns(Types.future(roles.client()))
        .addParameter(Types.URI, "server")
        .addParameter(roles.path(), "path")
        .addParameter(roles.listener(), "listener")
        .addStatement("return connect(server, path, config -> { }, listener)")
        .build();
  }

  private MethodSpec connect(TypeName connection) {
    return MethodSpec.methodBuilder("connect")
        .addJavadoc(CodeBlock.builder()
            .add("Connects to channel $L.\n\n", Docs.code(plan.channel().key()))
            .add("$L", serverParam())
            .add("@param path the path parameters\n")
            .add("@param configure sets query parameters, headers, reconnecting and timeouts\n")
            .add("@param listener receives what the server sends\n")
            .add("@return completes with the client once connected, or fails when the connection cannot be made\n")
            .build())
        .addModifiers(Modifier.PUBLIC, Modifier.STATIC)
        .returns(Types.future(roles.client()))
        .addParameter(Types.URI, "server")
        .addParameter(roles.path(), "path")
        .addParameter(ParameterizedTypeName.get(Types.CONSUMER, WildcardTypeName.supertypeOf(Types.CLIENT_CONFIG)),
            "configure")
        .addParameter(roles.listener(), "listener")
        .addStatement("$T uri = $T.resolve(server, ADDRESS,$W$L)", Types.URI, Types.CLIENT_ADDRESS, parameters())
        .addStatement("return $T.<$T, $T>connect(uri, configure,$W$L,$W" + (client.answers()
                ? "(message, answer) -> deliver(message, answer, listener)," : "message -> deliver(message, listener),")
                + "$Wlistener)$Z.thenApply($T::new)", Types.CHANX_CLIENT, roles.clientMessage(), roles.serverMessage(),
            decoder(), roles.client())
        .build();
  }

  // Binary frames go to the channel's one binary message, when the server sends one.
  private CodeBlock decoder() {
    ClassName decoder = roles.serverDecoder();
    if (plan.serverMessages().stream().noneMatch(ChannelPlanner::isBinary)) {
      return CodeBlock.of("$T::decode", decoder);
    }
    return CodeBlock.of("$T.withBinary($T::decode,$W$T::decodeBinary)", Types.SERVER_FRAME_DECODER, decoder, decoder);
  }

  // Map.of takes up to ten pairs; a longer list of parameters needs entries.
  private CodeBlock parameters() {
    List<CodeBlock> pairs = new ArrayList<>();
    for (ParameterPlan p : plan.parameters()) {
      CodeBlock value = p.enumDecl() != null ? CodeBlock.of("path.$N().wireValue()", p.component())
          : p.kind() == TypeRef.ScalarKind.STRING ? CodeBlock.of("path.$N()", p.component())
          : CodeBlock.of("$T.valueOf(path.$N())", Types.STRING, p.component());
      pairs.add(plan.parameters().size() > 10
          ? CodeBlock.of("$T.entry($S, $L)", Types.MAP, p.parameter().name(), value)
          : CodeBlock.of("$S, $L", p.parameter().name(), value));
    }
    return CodeBlock.of(plan.parameters().size() > 10 ? "$T.ofEntries($L)" : "$T.of($L)", Types.MAP,
        CodeBlock.join(pairs, ",$W"));
  }

  private MethodSpec request(Request request) {
    TypeName parameter = request.operation().parameter();
    Names locals = Names.members(List.of("message", "reply", "connection"));
    String local = locals.allocate(Names.lowerCamel(((ClassName) request.reply()).simpleName(), "value"));
    String tags = request.sends().stream()
        .map(d -> request.operation().handles().stream().filter(m -> m.decl() == d).findFirst().orElseThrow())
        .map(m -> Docs.code(m.message().tag() != null ? m.message().tag() : m.message().key()))
        .reduce((a, b) -> a + " or " + b).orElse("");
    return MethodSpec.methodBuilder("request")
        .addJavadoc(CodeBlock.builder()
            .add("$L\n\n", Docs.wrap("Sends " + tags + " with a fresh {@code ref} and completes with the reply that"
                + " carries it."))
            .add("$L", correlation(request))
            .add("<p>Fails with {@link $T} when the server answers with an error frame,\n"
                + "with a {@code TimeoutException} when no reply comes within the request timeout, and with an\n"
                + "{@code IOException} when the connection closes first.\n", Types.ERROR_FRAME_EXCEPTION)
            .add("\n@param message what to send, in a frame with a fresh {@code ref}\n")
            .add("@return completes with the reply that carries the same {@code ref}\n")
            .build())
        .addModifiers(Modifier.PUBLIC)
        .returns(Types.future(request.reply()))
        .addParameter(parameter, "message")
        .addCode(requestStatement(request, local))
        .build();
  }

  // With a correlationId on every message sent and on every reply, the reply is also matched by
  // the value at that pointer, for servers that do not echo the ref.
  private static CodeBlock requestStatement(Request request, String local) {
    String sent = pointer(request.operation().handles().stream()
        .filter(m -> request.sends().contains(m.decl())).map(m -> m.message().correlationId()).toList());
    String replied = pointer(request.operation().operation().replies().stream()
        .map(m -> m.correlationId()).toList());
    if (sent == null || replied == null) {
      return CodeBlock.builder().addStatement("return connection.request(message,$Wreply -> reply instanceof $T $N ? $N : null)",
          request.reply(), local, local).build();
    }
    return CodeBlock.builder().addStatement(
        "return connection.request(message,$Wreply -> reply instanceof $T $N ? $N : null,$W$S,$W$S)",
        request.reply(), local, local, sent, replied).build();
  }

  private static String correlation(Request request) {
    String sent = pointer(request.operation().handles().stream()
        .filter(m -> request.sends().contains(m.decl())).map(m -> m.message().correlationId()).toList());
    String replied = pointer(request.operation().operation().replies().stream()
        .map(m -> m.correlationId()).toList());
    if (sent == null || replied == null) {
      return "";
    }
    return Docs.wrap("<p>A reply without the {@code ref} also answers it when its " + Docs.code(replied)
        + " (the reply's {@code correlationId}) equals the request's " + Docs.code(sent) + ".") + "\n\n";
  }

  /** The JSON pointer all the locations share, such as {@code /reqid}, or null. */
  static String pointer(List<String> locations) {
    String out = null;
    for (String location : locations) {
      String prefix = "$message.payload#";
      if (location == null || !location.startsWith(prefix)) {
        return null;
      }
      String p = location.substring(prefix.length());
      if (!p.isEmpty() && !p.startsWith("/") || out != null && !out.equals(p)) {
        return null;
      }
      out = p;
    }
    return out == null || out.isEmpty() ? null : out;
  }

  private MethodSpec deliver() {
    MethodSpec.Builder method = MethodSpec.methodBuilder("deliver")
        .addModifiers(Modifier.PRIVATE, Modifier.STATIC)
        .addParameter(roles.serverMessage(), "message");
    if (client.answers()) {
      method.addParameter(ParameterizedTypeName.get(ClassName.get("dev.chanx.client", "Answer"), roles.clientMessage()),
          "answer");
    }
    method.addParameter(roles.listener(), "listener");
    Names locals = Names.members(List.of("message", "answer", "listener", "reply"));
    boolean first = true;
    for (Received received : client.receives()) {
      String local = locals.allocate(Names.lowerCamel(received.decl().name().simpleName(), "value"));
      if (first) {
        method.beginControlFlow("if (message instanceof $T $N)", received.decl().name(), local);
        first = false;
      } else {
        method.nextControlFlow("else if (message instanceof $T $N)", received.decl().name(), local);
      }
      if (received.answer() != null) {
        method.addStatement("$T reply = listener.$N($N)", received.answer(), received.method(), local)
            .beginControlFlow("if (reply != null)")
            .addStatement("answer.send(reply)")
            .endControlFlow();
      } else {
        method.addStatement("listener.$N($N)", received.method(), local);
      }
    }
    if (!first) {
      method.endControlFlow();
    }
    return method.build();
  }
}
