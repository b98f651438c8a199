package dev.chanx.gen.read;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Reads an AsyncAPI 2.0 to 2.6 document onto the drafts 3.x fills. Each entry of {@code channels}
 * is a channel whose key is its address, named by {@link ChannelNames}; its {@code publish} (what
 * clients publish) is an operation the server receives and its {@code subscribe} (what clients
 * subscribe to) one the server sends, see {@link V2OperationReader}.
 */
final class V2DocumentReader implements DocumentReader {

  private final ReadContext ctx;

  V2DocumentReader(ReadContext ctx) {
    this.ctx = ctx;
  }

  @Override
  public DocumentDraft read() {
    JsonNode root = ctx.root.root();
    JsonNode info = InfoReader.read(ctx);
    List<String> addresses = new ArrayList<>();
    List<Location> entries = new ArrayList<>();
    List<RefResolver.Target> targets = new ArrayList<>();
    List<String> explicit = new ArrayList<>();
    Map<String, String> byId = new HashMap<>();
    for (String address : Nodes.keys(root, "channels")) {
      Location entry = ctx.root.at("/channels").child(address);
      RefResolver.Target target = ctx.refs.followAll(entry, RefKind.CHANNEL);
      if (target == null || !target.node().isObject()) {
        continue;
      }
      String id = Nodes.text(target.node(), ChannelNames.EXTENSION);
      String first = id == null ? null : byId.putIfAbsent(ChannelNames.normal(id), address);
      if (first != null) {
        ctx.problems.at(target.location().child(ChannelNames.EXTENSION), ChannelNames.EXTENSION + " '" + id
            + "' of channel '" + address + "' names channel '" + first + "' already",
            "Give each channel its own " + ChannelNames.EXTENSION + "; it names the channel's package.");
      }
      addresses.add(address);
      entries.add(entry);
      targets.add(target);
      explicit.add(id);
    }
    List<String> names = ChannelNames.assign(addresses, explicit);
    Map<String, ChannelDraft> channels = new LinkedHashMap<>();
    V2OperationReader operations = new V2OperationReader(ctx);
    ServerPaths servers = new ServerPaths(ctx, true);
    for (int i = 0; i < names.size(); i++) {
      ChannelDraft channel = channel(names.get(i), addresses.get(i), entries.get(i), targets.get(i), servers);
      operations.read(channel, "publish");
      operations.read(channel, "subscribe");
      channels.put(channel.key, channel);
    }
    return new DocumentDraft(root.path("asyncapi").asText(), info.path("title").asText(null),
        info.path("version").asText(null), Nodes.text(info, "description"), new ArrayList<>(channels.values()));
  }

  /**
   * A channel without operations yet; its messages are those its operations name, as they are
   * read. Its address is its key under the path of its servers.
   */
  private ChannelDraft channel(String name, String key, Location entry, RefResolver.Target target,
      ServerPaths servers) {
    Location where = target.location();
    JsonNode node = target.node();
    String address = servers.prefix(name, where, key);
    ChannelDraft channel = new ChannelDraft(name, where, address, null, null, Nodes.text(node, "description"),
        AddressParameters.read(ctx, name, where, entry, address), ChannelReader.query(ctx, where), Map.of());
    channel.places.add(entry.canonical());
    return channel;
  }
}
