package dev.chanx.gen.codegen;

import com.palantir.javapoet.ClassName;
import com.palantir.javapoet.TypeName;
import dev.chanx.gen.model.Channel;
import dev.chanx.gen.model.Message;
import dev.chanx.gen.model.Operation;
import dev.chanx.gen.model.Parameter;
import java.util.List;

/**
 * Everything decided about one channel before any Java is written: the names, the types and
 * which messages each handler method takes and returns.
 *
 * @param channel the channel
 * @param packageName its package
 * @param prefix the UpperCamel channel name that starts its role types, such as {@code Chat}
 * @param roles the names of the role types
 * @param decls the records, unions and enums, in the order planned
 * @param clientMessages what clients send, in document order
 * @param serverMessages what the server sends, in document order
 * @param operations the handler methods, in document order
 * @param pushes the send operations, with the methods that push and transform their messages
 * @param interfaces the reply, request and push interfaces of operations
 * @param parameters the typed path parameters
 * @param forServer whether the server's files are generated; its reader then reads what clients send
 * @param forClient whether a Java client's files are generated; its reader then reads what the
 *     server sends
 * @param contracts the messages checked against their compiled schema before they are read
 */
record ChannelPlan(
    Channel channel,
    String packageName,
    String prefix,
    Roles roles,
    List<Decl> decls,
    List<MessagePlan> clientMessages,
    List<MessagePlan> serverMessages,
    List<OperationPlan> operations,
    List<PushPlan> pushes,
    List<InterfacePlan> interfaces,
    List<ParameterPlan> parameters,
    boolean forServer,
    boolean forClient,
    ContractPlan contracts) {

  /**
   * The channel's role types: {@code ChatClientMessage}, {@code ChatHandler}... The client's
   * ({@code ChatClient}, {@code ChatListener}, {@code ChatServerMessageDecoder}), then those of
   * pushes ({@code ChatPublisher}, {@code ChatEvents}) are named last, so that they never take a
   * name the types generated before them had.
   */
  record Roles(ClassName clientMessage, ClassName serverMessage, ClassName handler,
      ClassName dispatcher, ClassName route, ClassName path, ClassName reader,
      ClassName client, ClassName listener, ClassName serverDecoder, ClassName publisher,
      ClassName events, ClassName requests) {}

  /** A message and the type declared for its frame. */
  record MessagePlan(Message message, Decl decl) {}

  /**
   * A handler method.
   *
   * @param operation the receive operation
   * @param method the method's name
   * @param parameter the type of its message parameter
   * @param handles the messages it is called for (a message listed earlier goes to that operation)
   * @param returns the reply type, or null for void
   */
  record OperationPlan(Operation operation, String method, ClassName parameter, List<MessagePlan> handles,
      TypeName returns) {}

  /**
   * A send operation: what the server pushes, and the methods that push and transform it.
   *
   * @param operation the send operation
   * @param type the type of its messages: the message's own, or a sealed interface of them
   * @param messages the messages it pushes (a message listed by an earlier operation is left to it)
   * @param transform the handler's transform of a push, such as {@code onJobResult}
   * @param push the publisher's method that pushes to one connection, such as {@code pushJobResult}
   * @param broadcast the publisher's method that pushes to groups, such as {@code broadcastJobResult}
   * @param replies what a client answers it with, when the operation has a {@code reply}; else none
   * @param reply the type of the answer: the message's own, or the channel's client message type
   *     when there are several; null without replies
   * @param request the method of {@code <C>Requests} that sends it as a request, such as {@code
   *     requestEvent}; null without replies
   */
  record PushPlan(Operation operation, ClassName type, List<MessagePlan> messages, String transform,
      String push, String broadcast, List<MessagePlan> replies, ClassName reply, String request) {

    /** Whether a client answers it: the server may send it as a request and wait for the reply. */
    boolean isRequest() {
      return reply != null;
    }
  }

  /** Whether the server's files are generated and the channel has pushes to publish and transform. */
  boolean serverPushes() {
    return forServer && !pushes.isEmpty() && !isTopic();
  }

  /** Whether the channel is a topic ({@code x-topic}): its publisher is then the topic's, with no transforms. */
  boolean isTopic() {
    return channel.topic() != null;
  }

  /** Whether the channel's reader reads what the server sends: for a Java client, or for pushes. */
  boolean readsServerMessages() {
    return forClient || serverPushes();
  }

  /**
   * A sealed interface gathering an operation's replies or requests.
   *
   * @param name the interface
   * @param parent the channel interface it extends
   * @param permits the message types it permits
   * @param doc its Javadoc
   */
  record InterfacePlan(ClassName name, ClassName parent, List<ClassName> permits, String doc) {}

  /**
   * A typed path parameter.
   *
   * @param parameter the parameter
   * @param component its component in the path record
   * @param kind its Java type: a string, an integer or an enum
   * @param enumDecl the enum when {@code kind} is ENUM
   */
  record ParameterPlan(Parameter parameter, String component, TypeRef.ScalarKind kind, EnumDecl enumDecl) {}
}
