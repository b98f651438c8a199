package dev.chanx.server;

import dev.chanx.core.codec.TextFrame;
import dev.chanx.server.layer.ChannelLayer;
import dev.chanx.server.layer.History;
import dev.chanx.server.layer.HistoryGroup;
import dev.chanx.server.layer.HistoryRead;
import dev.chanx.server.layer.Position;
import java.util.LinkedHashSet;
import java.util.concurrent.CompletableFuture;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Objects;
import java.util.function.Supplier;

/**
 * The groups of one channel in the server's channel layer: group names scoped to the channel, and
 * sends to them. Connections (joins, broadcasts) and the channel's publisher (pushes) share it.
 */
final class ChannelGroups {

  private final String prefix;
  // Read at each use: the server's layer is settled only when it starts.
  private final Supplier<ChannelLayer> layer;
  // How much of each group's frames the layer keeps for recovery, or null when the channel's are not recoverable.
  private final History history;
  // The groups of the last send to one group, kept for the next send to it.
  private volatile List<HistoryGroup> lastSent;

  ChannelGroups(String prefix, Supplier<ChannelLayer> layer) {
    this(prefix, layer, null);
  }

  ChannelGroups(String prefix, Supplier<ChannelLayer> layer, History history) {
    this.prefix = prefix;
    this.layer = layer;
    this.history = history;
  }

  /** The channel's name: its groups' prefix without the slash. */
  String channel() {
    return prefix.substring(0, prefix.length() - 1);
  }

  /** {@return what every layer key of this channel's groups starts with} */
  String prefix() {
    return prefix;
  }

  /** Whether the channel's group sends are recoverable. */
  boolean recoverable() {
    return history != null;
  }

  /** Reads a group's history after a client's position (or null), for its recovery. */
  CompletableFuture<HistoryRead> history(String group, Position after) {
    return layer.get().history(new HistoryGroup(key(group), group, history), after);
  }

  /** The layer's key of a group of this channel; interned, so that every member keeps the same string. */
  String key(String group) {
    return (prefix + check(group)).intern();
  }

  /**
   * The layer's key of a group, not interned: for topic groups, mostly of one member each, where
   * sharing the string would save nothing and the JVM's string table would grow by an entry per
   * subscription.
   */
  String ownKey(String group) {
    return prefix + check(group);
  }

  /** The layer's keys of groups of this channel. */
  List<String> keys(Collection<String> groups) {
    List<String> keys = new ArrayList<>(groups.size());
    for (String group : groups) {
      keys.add(prefix + check(group));
    }
    return keys;
  }

  /**
   * Sends a frame to the members of groups (by the layer's keys) but {@code exclude} (or none),
   * then {@code completion} to the same members when not null: through the same layer, so in order.
   */
  void send(Collection<String> keys, TextFrame frame, String exclude, TextFrame completion) {
    ChannelLayer now = layer.get();
    // A frame that is a bare JSON value, not an object, has nowhere to carry its position: sent unrecorded.
    if (history != null && isObject(frame)) {
      now.historySend(historyGroups(keys), frame, exclude, completion);
      return;
    }
    now.groupSend(keys, frame, exclude);
    if (completion != null) {
      now.groupSend(keys, completion, exclude);
    }
  }

  private List<HistoryGroup> historyGroups(Collection<String> keys) {
    if (keys.size() == 1) {
      // The usual send, to one group: the same list for every send to it.
      String key = keys.iterator().next();
      List<HistoryGroup> last = lastSent;
      if (last == null || !last.get(0).key().equals(key)) {
        last = List.of(new HistoryGroup(key, key.substring(prefix.length()), history));
        lastSent = last;
      }
      return last;
    }
    List<HistoryGroup> groups = new ArrayList<>(keys.size());
    for (String key : new LinkedHashSet<>(keys)) {
      groups.add(new HistoryGroup(key, key.substring(prefix.length()), history));
    }
    return groups;
  }

  /** Sends a frame to one connection, then {@code completion} when not null. */
  void send(String connectionId, TextFrame frame, TextFrame completion) {
    ChannelLayer now = layer.get();
    now.send(connectionId, frame);
    if (completion != null) {
      now.send(connectionId, completion);
    }
  }

  /** Adds a member; the future completes once the layer has it in the group on every node. */
  CompletableFuture<Void> add(String key, String connectionId) {
    return layer.get().groupAdd(key, connectionId);
  }

  void discard(String key, String connectionId) {
    layer.get().groupDiscard(key, connectionId);
  }

  private static boolean isObject(TextFrame frame) {
    int first = frame.firstByte();
    if (first == PushFrames.MARKER) {
      return frame.length() > 1 && frame.buffer().get(1) == '{';
    }
    return first == '{';
  }

  private static String check(String group) {
    if (Objects.requireNonNull(group, "group").isEmpty()) {
      throw new IllegalArgumentException("a group name must not be empty");
    }
    return group;
  }
}
