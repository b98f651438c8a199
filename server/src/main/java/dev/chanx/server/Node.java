package dev.chanx.server;

import dev.chanx.server.layer.ChannelLayer;
import dev.chanx.server.layer.InMemoryChannelLayer;

/** What every connection of this server shares: the channel layer, the open sockets, the ids. */
final class Node {

  final ConnectionIds ids = new ConnectionIds();
  final LocalConnections connections = new LocalConnections(ids.node());
  volatile ChannelLayer layer = new InMemoryChannelLayer();

  /** The groups of the channel whose keys start with {@code prefix}, in whichever layer this node has when they are used. */
  ChannelGroups groups(String prefix) {
    return new ChannelGroups(prefix, () -> layer);
  }

  /** As {@link #groups(String)}, for a channel whose group sends are recoverable with this history (or null). */
  ChannelGroups groups(String prefix, dev.chanx.server.layer.History history) {
    return new ChannelGroups(prefix, () -> layer, history);
  }
}
