package dev.chanx.gen.read;

import com.fasterxml.jackson.databind.JsonNode;
import dev.chanx.gen.model.Parameter;
import dev.chanx.gen.model.Schema;
import dev.chanx.gen.model.Topic;
import java.util.List;
import java.util.LinkedHashMap;
import java.util.Map;

/** Reads one entry of {@code channels}: address, parameters, query binding and its messages. */
final class ChannelReader {

  private ChannelReader() {}

  /**
   * The channel, or null when its entry leads nowhere (a problem says why); its address is under
   * the path of its servers.
   */
  static ChannelDraft read(ReadContext ctx, String key, ServerPaths servers) {
    Location entry = ctx.root.at("/channels").child(key);
    RefResolver.Target target = ctx.refs.followAll(entry, RefKind.CHANNEL);
    if (target == null || !target.node().isObject()) {
      return null;
    }
    Location where = target.location();
    JsonNode node = target.node();
    String address = null;
    JsonNode addressNode = node.get("address");
    // No address (AsyncAPI 3: unknown or dynamic): the channel is generated without a route of
    // its own, and the application says in code where it is served (<C>Route.at(path)).
    if (addressNode != null && addressNode.isTextual()) {
      address = servers.prefix(key, where, addressNode.asText());
    }
    Map<String, MessageUse> declared = new LinkedHashMap<>();
    for (String name : Nodes.keys(node, "messages")) {
      Location holder = where.child("messages").child(name);
      MessageDraft message = ctx.messages.read(holder);
      if (message != null) {
        declared.put(name, new MessageUse(name, holder, message));
      }
    }
    Topic topic = node.has("x-topic") ? TopicReader.read(ctx, key, where.child("x-topic")) : null;
    // A topic's parameters are its pattern's; the channel may declare their schemas as for an address.
    List<Parameter> parameters = AddressParameters.read(ctx, key, where, where.child("address"),
        topic == null || address == null ? address : address + topic.pattern());
    if (topic != null) {
      parameters = parameters.stream().filter(p -> topic.parameters().contains(p.name())).toList();
    }
    ChannelDraft channel = new ChannelDraft(key, where, address, Nodes.text(node, "title"),
        Nodes.text(node, "summary"), Nodes.text(node, "description"), parameters, query(ctx, where), declared);
    channel.places.add(entry.canonical());
    channel.topic = topic;
    channel.recovery = ChanxExtension.recovery(ctx, where);
    return channel;
  }

  /** The WebSocket binding's query schema, or null. */
  static Schema query(ReadContext ctx, Location channel) {
    if (!channel.node().has("bindings")) {
      return null;
    }
    RefResolver.Target bindings = ctx.refs.followAll(channel.child("bindings"), RefKind.BINDINGS);
    if (bindings == null || !bindings.node().path("ws").isObject()) {
      return null;
    }
    RefResolver.Target ws = ctx.refs.followAll(bindings.location().child("ws"), RefKind.BINDINGS);
    if (ws == null || !ws.node().has("query")) {
      return null;
    }
    return ctx.schemas.readPayload(ws.location().child("query"));
  }
}
