package dev.chanx.gen.read;

import com.fasterxml.jackson.databind.JsonNode;
import dev.chanx.gen.model.Operation;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * Reads {@code operations} and files each under its channel: {@code receive} (clients send, the
 * server handles) or {@code send} (the server pushes), swapped when the document is a client's.
 */
final class OperationReader {

  private final ReadContext ctx;
  private final Map<String, ChannelDraft> channels;

  OperationReader(ReadContext ctx, Map<String, ChannelDraft> channels) {
    this.ctx = ctx;
    this.channels = channels;
  }

  void read(String key) {
    RefResolver.Target target = ctx.refs.followAll(ctx.root.at("/operations").child(key), RefKind.OPERATION);
    if (target == null || !target.node().isObject()) {
      return;
    }
    Location where = target.location();
    JsonNode node = target.node();
    Operation.Action written = action(key, where, node);
    Operation.Action action = written == null ? null : ctx.seenFromServer(written);
    ChannelDraft channel = channel(where.child("channel"), "operation '" + key + "'");
    if (action == null || channel == null) {
      return;
    }
    List<MessageUse> messages = messages(key, where, node, channel, true);
    List<MessageUse> replies = new ArrayList<>();
    // A send operation's reply is what the client answers the server's request with.
    if (node.has("reply")) {
      replies = replies(key, where.child("reply"));
    }
    channel.add(new OperationDraft(key, action, Nodes.text(node, "title"), Nodes.text(node, "summary"),
        Nodes.text(node, "description"), where.canonical(), messages, replies));
  }

  private Operation.Action action(String key, Location where, JsonNode node) {
    String action = node.path("action").asText("");
    switch (action) {
      case "receive":
        return Operation.Action.RECEIVE;
      case "send":
        return Operation.Action.SEND;
      default:
        String hint = ctx.role == dev.chanx.gen.Role.SERVER
            ? "Use action: receive (clients send the messages, the server handles them) "
                + "or action: send (the server pushes them)."
            : "Use action: send (the client sends the messages, the server handles them) "
                + "or action: receive (the server pushes them).";
        if (action.isEmpty()) {
          ctx.problems.at(where, "operation '" + key + "' has no action", hint);
        } else {
          ctx.problems.at(where.child("action"), "operation '" + key + "' has action '" + action + "'", hint);
        }
        return null;
    }
  }

  /** The channel a {@code channel: {$ref}} names, or null after a problem. */
  private ChannelDraft channel(Location holder, String owner) {
    JsonNode node = holder.node();
    if (!RefResolver.isRef(node)) {
      ctx.problems.at(holder, owner + " has no channel", "Add channel: {$ref: '#/channels/<name>'}.");
      return null;
    }
    String ref = node.get("$ref").asText();
    if (holder.doc().isRoot() && ref.startsWith("#/channels/")) {
      List<String> tokens = Pointer.tokens(Pointer.percentDecode(ref.substring(1)));
      if (tokens.size() == 2 && channels.containsKey(tokens.get(1))) {
        return channels.get(tokens.get(1));
      }
    }
    RefResolver.Target target = ctx.refs.follow(holder, RefKind.CHANNEL);
    RefResolver.Target channel = target == null ? null : ctx.refs.followAll(target.location(), RefKind.CHANNEL);
    if (channel == null) {
      return null;
    }
    for (ChannelDraft draft : channels.values()) {
      if (draft.location.canonical().equals(channel.location().canonical())) {
        return draft;
      }
    }
    ctx.problems.atRef(holder, owner + " refers to a channel that is not listed under channels",
        "Refer to one of the channels under #/channels.");
    return null;
  }

  /** The messages listed at {@code owner}/messages; none listed means all the channel's messages. */
  private List<MessageUse> messages(String key, Location owner, JsonNode node, ChannelDraft channel,
      boolean mustBelong) {
    JsonNode list = node.get("messages");
    if (list == null || !list.isArray() || list.isEmpty()) {
      return new ArrayList<>(channel == null ? List.of() : channel.declared.values());
    }
    List<MessageUse> out = new ArrayList<>();
    for (int i = 0; i < list.size(); i++) {
      MessageUse use = use(key, owner.child("messages").child(i), channel, mustBelong);
      if (use != null) {
        out.add(use);
      }
    }
    return out;
  }

  private List<MessageUse> replies(String key, Location holder) {
    RefResolver.Target reply = ctx.refs.followAll(holder, RefKind.REPLY);
    if (reply == null || !reply.node().isObject()) {
      return new ArrayList<>();
    }
    ChannelDraft channel = null;
    if (reply.node().has("channel")) {
      channel = channel(reply.location().child("channel"), "the reply of operation '" + key + "'");
    }
    return messages(key, reply.location(), reply.node(), channel, false);
  }

  private MessageUse use(String operation, Location holder, ChannelDraft channel, boolean mustBelong) {
    Location first = holder;
    if (RefResolver.isRef(holder.node())) {
      RefResolver.Target target = ctx.refs.follow(holder, RefKind.MESSAGE);
      if (target == null) {
        return null;
      }
      first = target.location();
    }
    MessageDraft message = ctx.messages.read(first);
    if (message == null) {
      return null;
    }
    // The key is the one the channel lists it under: #/channels/chat/messages/<key>.
    List<String> tokens = Pointer.tokens(first.pointer());
    int n = tokens.size();
    String key = n >= 4 && tokens.get(n - 2).equals("messages") && tokens.get(n - 4).equals("channels")
        ? tokens.get(n - 1) : null;
    MessageUse declared = null;
    if (channel != null) {
      declared = key != null && channel.declared.containsKey(key)
          && channel.declared.get(key).message().pointer().equals(message.pointer())
          ? channel.declared.get(key) : null;
      for (MessageUse use : channel.declared.values()) {
        if (declared == null && use.message().pointer().equals(message.pointer())) {
          declared = use;
        }
      }
    }
    if (declared != null) {
      return declared;
    }
    if (mustBelong && channel != null) {
      ctx.problems.at(holder, "operation '" + operation + "' uses a message that channel '" + channel.key
          + "' does not list", "Refer to one of its messages, under #/channels/" + channel.key + "/messages.");
    }
    return new MessageUse(key != null ? key : Pointer.last(first.pointer()), holder, message);
  }
}
