package dev.chanx.gen.read;

import com.fasterxml.jackson.databind.JsonNode;
import dev.chanx.gen.model.Operation;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Reads the {@code publish} and {@code subscribe} of a 2.x channel. An operation's key is its
 * {@code operationId}, else {@code <channel name>.publish} or {@code .subscribe} (as the
 * official converter to 3.0 names it). Its {@code message} is one message or {@code oneOf} a
 * list; a message's key is its {@code messageId}, else the last name of the pointer its {@code
 * $ref} names ({@code #/components/messages/say} → {@code say}; a whole file → the file's base
 * name), else its {@code name}, else {@code <operation key>.message} ({@code .message.<i>} in a
 * oneOf); a key another message of the channel has already gets {@code _2}, {@code _3}...
 */
final class V2OperationReader {

  private final ReadContext ctx;
  private final Map<String, Location> operationIds = new HashMap<>();

  V2OperationReader(ReadContext ctx) {
    this.ctx = ctx;
  }

  /** Reads {@code field} ({@code publish} or {@code subscribe}) of the channel onto it. */
  void read(ChannelDraft channel, String field) {
    Location holder = channel.location.child(field);
    if (holder.node().isMissingNode() || holder.node().isNull()) {
      return;
    }
    RefResolver.Target target = ctx.refs.followAll(holder, RefKind.OPERATION);
    if (target == null || !target.node().isObject()) {
      return;
    }
    Location where = target.location();
    JsonNode node = target.node();
    // Others publish what the application receives; they subscribe to what it sends.
    Operation.Action action = ctx.seenFromServer(
        field.equals("publish") ? Operation.Action.RECEIVE : Operation.Action.SEND);
    String key = Nodes.text(node, "operationId");
    if (key == null) {
      key = channel.key + "." + field;
    } else {
      Location first = operationIds.putIfAbsent(key, where);
      if (first != null) {
        ctx.problems.at(where.child("operationId"), "operationId '" + key + "' is used by "
            + first.display() + " already", "Give each operation its own operationId.");
      }
    }
    List<MessageUse> messages = messages(key, where, node, channel);
    // 2.x has no request/reply, so no operation has replies; the draft keeps room for them.
    channel.add(new OperationDraft(key, action, null, Nodes.text(node, "summary"), Nodes.text(node, "description"),
        where.canonical(), messages, List.of()));
  }

  private List<MessageUse> messages(String operation, Location where, JsonNode node, ChannelDraft channel) {
    List<MessageUse> out = new ArrayList<>();
    if (node.path("message").isMissingNode() || node.get("message").isNull()) {
      return out;
    }
    Location holder = where.child("message");
    RefResolver.Target target = ctx.refs.followAll(holder, RefKind.MESSAGE);
    if (target == null) {
      return out;
    }
    JsonNode oneOf = target.node().get("oneOf");
    if (oneOf == null) {
      add(out, use(holder, operation + ".message", channel));
    } else if (oneOf.isArray()) { // else the structure check has said it must be a list
      for (int i = 0; i < oneOf.size(); i++) {
        add(out, use(target.location().child("oneOf").child(i), operation + ".message." + i, channel));
      }
    }
    return out;
  }

  private static void add(List<MessageUse> out, MessageUse use) {
    if (use != null && !out.contains(use)) {
      out.add(use);
    }
  }

  /** The message at {@code holder} as this channel lists it: the same use for the same message object. */
  private MessageUse use(Location holder, String fallback, ChannelDraft channel) {
    Location first = holder;
    String refName = null;
    if (RefResolver.isRef(holder.node())) {
      RefResolver.Target hop = ctx.refs.follow(holder, RefKind.MESSAGE);
      if (hop == null) {
        return null;
      }
      first = hop.location();
      refName = refName(first);
    }
    MessageDraft message = ctx.messages.read(first);
    if (message == null) {
      return null;
    }
    for (MessageUse known : channel.declared.values()) {
      if (known.message().pointer().equals(message.pointer())) {
        return known;
      }
    }
    RefResolver.Target object = ctx.refs.followAll(first, RefKind.MESSAGE);
    String key = firstOf(Nodes.text(object.node(), "messageId"), refName, message.name(), fallback);
    String unique = key;
    for (int n = 2; channel.declared.containsKey(unique); n++) {
      unique = key + "_" + n;
    }
    MessageUse use = new MessageUse(unique, holder, message);
    channel.declared.put(unique, use);
    return use;
  }

  private static String firstOf(String... candidates) {
    for (String candidate : candidates) {
      if (candidate != null) {
        return candidate;
      }
    }
    return null;
  }

  private static String refName(Location target) {
    if (target.pointer().isEmpty()) {
      String file = target.doc().name();
      file = file.substring(file.lastIndexOf('/') + 1);
      int dot = file.indexOf('.');
      return dot > 0 ? file.substring(0, dot) : file;
    }
    String last = Pointer.last(target.pointer());
    return last.isEmpty() || last.matches("\\d+") ? null : last;
  }
}
