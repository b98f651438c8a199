package dev.chanx.server;

import dev.chanx.server.channel.ChannelRoute;
import dev.chanx.server.docs.ChannelFrames;
import dev.chanx.server.telemetry.Telemetry;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/** The channels of one server, matched against request paths in a fixed order. */
final class ChannelRegistry {

  /** A request path matched to a channel, with its URL-decoded parameters. */
  record Match(HostedChannel<?, ?, ?, ?> channel, Map<String, String> parameters) {}

  private final List<HostedChannel<?, ?, ?, ?>> channels = new ArrayList<>();

  /** Adds a channel, refusing a second one at the same address or with the same name. */
  void add(HostedChannel<?, ?, ?, ?> channel) {
    for (HostedChannel<?, ?, ?, ?> other : channels) {
      if (other.template().shape().equals(channel.template().shape())) {
        throw new IllegalArgumentException("a channel is already served at address "
            + channel.template().address() + " (channel " + other.name() + ")");
      }
      if (other.name().equals(channel.name())) {
        throw new IllegalArgumentException("a channel named " + channel.name() + " is already served");
      }
    }
    channels.add(channel);
    // Addresses with fewer parameters win: ws/chat/lobby/ before ws/chat/{room}/.
    channels.sort(Comparator.comparingInt(c -> c.template().names().size()));
  }

  /** The channel registered for a route, by name. */
  HostedChannel<?, ?, ?, ?> get(ChannelRoute<?, ?, ?, ?> route) {
    for (HostedChannel<?, ?, ?, ?> channel : channels) {
      if (channel.name().equals(route.name())) {
        return channel;
      }
    }
    throw new IllegalArgumentException("channel " + route.name() + " is not served by this server");
  }

  /** The channel whose address matches a raw (still encoded) request path, or null. */
  Match match(String rawPath) {
    for (HostedChannel<?, ?, ?, ?> channel : channels) {
      Map<String, String> parameters = channel.template().match(rawPath);
      if (parameters != null) {
        return new Match(channel, parameters);
      }
    }
    return null;
  }

  /** {@return the camelCase settings of the channels that mount a topic (none when no channel does)} */
  Set<Boolean> topicSpellings(String topicName) {
    Set<Boolean> spellings = new HashSet<>(2);
    for (HostedChannel<?, ?, ?, ?> channel : channels) {
      if (channel.mounts(topicName)) {
        spellings.add(channel.settings().camelCase());
      }
    }
    return Set.copyOf(spellings);
  }

  /** Settles every channel's settings against the server's, when the server starts. */
  void resolve(ChannelSettings server) {
    for (HostedChannel<?, ?, ?, ?> channel : channels) {
      channel.resolve(server);
    }
  }

  /** Takes what every channel tells the server's telemetry, when the server starts. */
  void watch(Telemetry telemetry) {
    for (HostedChannel<?, ?, ?, ?> channel : channels) {
      channel.watch(telemetry);
    }
  }

  /** What the runtime may send on each channel, once resolved, for the served document. */
  List<ChannelFrames> runtimeFrames() {
    List<ChannelFrames> frames = new ArrayList<>(channels.size());
    for (HostedChannel<?, ?, ?, ?> channel : channels) {
      frames.add(channel.runtimeFrames());
    }
    return frames;
  }

  boolean isEmpty() {
    return channels.isEmpty();
  }
}
