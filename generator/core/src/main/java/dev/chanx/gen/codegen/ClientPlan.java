package dev.chanx.gen.codegen;

import com.palantir.javapoet.ClassName;
import com.palantir.javapoet.TypeName;
import dev.chanx.gen.codegen.ChannelPlan.InterfacePlan;
import dev.chanx.gen.codegen.ChannelPlan.MessagePlan;
import dev.chanx.gen.codegen.ChannelPlan.OperationPlan;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * What the clients of a channel (Java and JavaScript alike) are made of, read the way the server
 * reads the document: what receive operations take is what a client sends; their replies and the
 * send operations' messages are what it receives.
 *
 * @param channel the channel's plan
 * @param sends each type a client may send, with its messages, in document order
 * @param receives each type the server may send, with the listener method that receives it
 * @param requests the operations whose messages get a typed reply
 */
record ClientPlan(ChannelPlan channel, List<Sent> sends, List<Received> receives, List<Request> requests) {

  /** Listener methods every client listener already has, from {@code ClientListener} and Object. */
  static final List<String> LISTENER_METHODS = List.of("onOpen", "onClose", "onError", "onUnreadable",
      "onFailure", "hashCode", "equals", "toString", "getClass", "notify", "notifyAll", "wait", "clone",
      "finalize");

  /** A type a client may send and the messages declared with it. */
  record Sent(Decl decl, List<MessagePlan> messages) {}

  /**
   * A type the server may send.
   *
   * @param decl the type
   * @param method the listener method that receives it, such as {@code onPongMessage}
   * @param messages the messages declared with it
   * @param answer the type of the reply the listener method returns when the server sends it as a
   *     request (a send operation with a {@code reply}); null when it expects none
   */
  record Received(Decl decl, String method, List<MessagePlan> messages, com.palantir.javapoet.ClassName answer) {}

  /** Whether the server asks anything of a client here: some listener method returns a reply. */
  boolean answers() {
    return receives.stream().anyMatch(r -> r.answer() != null);
  }

  /**
   * An operation whose messages get a reply: a client sends one of {@code sends} with a
   * {@code ref}, the reply comes back with it.
   *
   * @param operation the handler method's plan
   * @param sends the types a client sends to it
   * @param reply the Java type of the reply: a message type or an operation's reply interface
   * @param replies the message types the reply may be
   */
  record Request(OperationPlan operation, List<Decl> sends, TypeName reply, List<ClassName> replies) {}

  /** The client side of a planned channel. */
  static ClientPlan of(ChannelPlan plan) {
    Names methods = Names.members(LISTENER_METHODS);
    List<Received> receives = new ArrayList<>();
    for (Map.Entry<Decl, List<MessagePlan>> e : byDecl(plan.serverMessages()).entrySet()) {
      receives.add(new Received(e.getKey(), methods.allocate("on" + e.getKey().name().simpleName()), e.getValue(),
          answer(plan, e.getKey())));
    }
    List<Sent> sends = new ArrayList<>();
    byDecl(plan.clientMessages()).forEach((decl, messages) -> sends.add(new Sent(decl, messages)));
    return new ClientPlan(plan, List.copyOf(sends), List.copyOf(receives), requests(plan));
  }

  // The reply type of the first send operation with a reply that sends this type.
  private static com.palantir.javapoet.ClassName answer(ChannelPlan plan, Decl decl) {
    for (ChannelPlan.PushPlan push : plan.pushes()) {
      if (push.isRequest() && push.messages().stream().anyMatch(m -> m.decl() == decl)) {
        return push.reply();
      }
    }
    return null;
  }

  private static Map<Decl, List<MessagePlan>> byDecl(List<MessagePlan> messages) {
    Map<Decl, List<MessagePlan>> out = new LinkedHashMap<>();
    for (MessagePlan m : messages) {
      out.computeIfAbsent(m.decl(), d -> new ArrayList<>()).add(m);
    }
    return out;
  }

  // A type sent to two operations goes to the first (as the dispatcher does), so only the first
  // can promise its reply type. A frame that is no object (a JSON value, binary data) has no room
  // for the ref that pairs the reply with it: it is sent, and its reply received, as any other.
  private static List<Request> requests(ChannelPlan plan) {
    Set<Decl> taken = new HashSet<>();
    List<Request> out = new ArrayList<>();
    for (OperationPlan op : plan.operations()) {
      List<Decl> sends = op.handles().stream().map(MessagePlan::decl).distinct().toList();
      if (op.returns() == null || sends.stream().anyMatch(taken::contains)
          || sends.stream().anyMatch(d -> d instanceof ValueDecl)) {
        continue;
      }
      taken.addAll(sends);
      out.add(new Request(op, sends, op.returns(), replies(plan, op.returns())));
    }
    return List.copyOf(out);
  }

  private static List<ClassName> replies(ChannelPlan plan, TypeName reply) {
    for (InterfacePlan group : plan.interfaces()) {
      if (group.name().equals(reply)) {
        return group.permits();
      }
    }
    return List.of((ClassName) reply);
  }
}
