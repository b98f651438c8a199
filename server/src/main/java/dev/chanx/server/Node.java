package dev.chanx.server;

import dev.chanx.server.layer.ChannelLayer;
import dev.chanx.server.layer.InMemoryChannelLayer;
import dev.chanx.server.presence.PresenceHub;
import java.util.Set;
import java.util.function.Function;

/** What every connection of this server shares: the channel layer, the open sockets, the ids. */
final class Node {

  final ConnectionIds ids = new ConnectionIds();
  final LocalConnections connections = new LocalConnections(ids.node());
  volatile ChannelLayer layer = new InMemoryChannelLayer();
  // Set by the server from its configuration.
  volatile PresenceHub presence;
  // Settled when the server starts: whether client frames may carry a traceparent.
  volatile boolean tracesFrames;
  // Set by the server: the camelCase settings of its channels that mount a topic, by topic name.
  volatile Function<String, Set<Boolean>> topicSpellings = name -> Set.of();

  /** The groups of the channel whose keys start with {@code prefix}, in whichever layer this node has when they are used. */
  ChannelGroups groups(String prefix) {
    return new ChannelGroups(prefix, () -> layer);
  }

  /** The groups of a topic's subscribers, of either spelling. */
  TopicGroups topicGroups(String topicName) {
    return new TopicGroups(groups(HostedTopic.groupPrefix(topicName, false)),
        groups(HostedTopic.groupPrefix(topicName, true)), () -> topicSpellings.apply(topicName));
  }

  /** As {@link #groups(String)}, for a channel whose group sends are recoverable with this history (or null). */
  ChannelGroups groups(String prefix, dev.chanx.server.layer.History history) {
    return new ChannelGroups(prefix, () -> layer, history);
  }
}
