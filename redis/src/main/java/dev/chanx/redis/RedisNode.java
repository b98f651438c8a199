package dev.chanx.redis;

import dev.chanx.server.layer.LayerTelemetry;
import dev.chanx.server.layer.LocalDelivery;
import dev.chanx.core.codec.TextFrame;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import dev.chanx.server.layer.FramePositions;
import dev.chanx.server.layer.HistoryGroup;
import dev.chanx.server.layer.HistoryRead;
import dev.chanx.server.layer.Position;

/**
 * The started layer on one server node: members are delivered to here directly, other nodes
 * through one Redis publish per group (or one per direct send to the connection's node).
 */
final class RedisNode {

  private final String nodeId;
  private final LocalDelivery delivery;
  private final RedisNames names;
  private final LocalGroups groups;
  private final Subscriptions subscriptions;
  private final BoundedPublisher publisher;
  private final LayerTelemetry telemetry;
  private final RedisHistory history;
  // What this node delivered of each recoverable group with members here.
  private final ConcurrentHashMap<String, GroupTracker> trackers = new ConcurrentHashMap<>();

  RedisNode(String nodeId, LocalDelivery delivery, RedisNames names, LocalGroups groups,
      Subscriptions subscriptions, BoundedPublisher publisher, RedisHistory history) {
    this.nodeId = nodeId;
    this.delivery = delivery;
    this.names = names;
    this.groups = groups;
    this.subscriptions = subscriptions;
    this.publisher = publisher;
    this.telemetry = delivery.telemetry();
    this.history = history;
  }

  /** Appends a recoverable send to its groups' histories; Redis publishes it to every node, this one too. */
  void historySend(List<HistoryGroup> historyGroups, TextFrame frame, String exclude, TextFrame after) {
    if (historyGroups.isEmpty()) {
      return;
    }
    // Every node delivers it when Redis publishes it, this one too: its members are counted there.
    LayerTelemetry.Sending sending = telemetry.sending(historyGroups.get(0).key());
    long start = sending.watched() ? System.nanoTime() : 0;
    history.append(historyGroups, frame, exclude, after, System.currentTimeMillis(), sending.context());
    sending.done(0, start);
  }

  /** Reads a group's history for a client that recovers; what it read tells this node's tracker where the group is. */
  CompletableFuture<HistoryRead> history(HistoryGroup group, Position after) {
    return history.read(group, after).thenApply(read -> {
      GroupTracker tracker = trackers.get(group.key());
      if (tracker == null && !groups.members(group.key()).isEmpty()) {
        tracker = tracker(group.key());
      }
      if (tracker != null) {
        tracker.seed(new Position(read.epoch(), read.head()));
      }
      return read;
    });
  }

  /** Asks Redis for each tracked group's head, so that frames this node never heard of are repaired. */
  void checkHeads() {
    trackers.forEach((group, tracker) -> {
      if (groups.members(group).isEmpty()) {
        trackers.remove(group, tracker);
      } else {
        history.checkHead(group, tracker);
      }
    });
  }

  private GroupTracker tracker(String group) {
    String wireName = group.substring(group.indexOf('/') + 1);
    return trackers.computeIfAbsent(group, key -> new GroupTracker(wireName, message -> deliverHere(key, message),
        (tracker, from, to) -> history.repair(key, tracker, from, to)));
  }

  /** Adds a member; the future completes once this node's subscription to the group is in place. */
  CompletableFuture<Void> groupAdd(String group, String connectionId) {
    String channel = names.group(group);
    groups.add(group, connectionId, () -> subscriptions.subscribe(channel));
    // A later member waits too while the first member's SUBSCRIBE is unanswered.
    return subscriptions.answer(channel);
  }

  void groupDiscard(String group, String connectionId) {
    groups.remove(group, connectionId, () -> {
      subscriptions.unsubscribe(names.group(group));
      trackers.remove(group);
    });
  }

  void groupSend(Collection<String> groupNames, TextFrame frame, String exclude) {
    // The collection may be a live view that changes meanwhile: read it once.
    List<String> keys = new ArrayList<>(new LinkedHashSet<>(groupNames));
    if (keys.isEmpty()) {
      return;
    }
    LayerTelemetry.Sending sending = telemetry.sending(keys.get(0));
    long start = sending.watched() ? System.nanoTime() : 0;
    int delivered;
    if (keys.size() == 1) {
      delivered = deliverAll(groups.members(keys.get(0)), frame, exclude);
    } else {
      Set<String> union = new HashSet<>();
      for (String key : keys) {
        union.addAll(groups.members(key));
      }
      delivered = deliverAll(union, frame, exclude);
    }
    String excluded = exclude == null ? "" : exclude;
    String context = sending.context();
    long now = System.currentTimeMillis();
    for (int i = 0; i < keys.size(); i++) {
      GroupMessage message =
          new GroupMessage(nodeId, now, context == null ? "" : context, excluded, keys.subList(0, i), frame);
      publisher.publish(names.group(keys.get(i)), message.encode());
    }
    sending.done(delivered, start);
  }

  void send(String connectionId, TextFrame frame) {
    if (delivery.deliver(connectionId, frame)) {
      return;
    }
    int dot = connectionId.indexOf('.');
    String node = dot > 0 ? connectionId.substring(0, dot) : null;
    // Not here and not another node's: the connection has closed, as on one node the frame is lost.
    if (node != null && !node.equals(nodeId)) {
      publisher.publish(names.node(node), new DirectMessage(connectionId, frame).encode());
    }
  }

  /** A copy of a group send published by a node, possibly this one. */
  void received(String group, GroupMessage message) {
    if (message.origin().equals(nodeId)) {
      return;
    }
    GroupTracker tracker = trackers.get(group);
    if (tracker == null && message.origin().isEmpty()
        && FramePositions.of(message.frame(), group.substring(group.indexOf('/') + 1)) != null
        && !groups.members(group).isEmpty()) {
      tracker = tracker(group);
    }
    if (tracker != null) {
      tracker.received(message);
    } else {
      deliverHere(group, message);
    }
  }

  /** Delivers a group's message to its members here, but the excluded and those of the send's earlier groups. */
  private void deliverHere(String group, GroupMessage message) {
    long start = telemetry == LayerTelemetry.OFF ? 0 : System.nanoTime();
    int delivered = 0;
    for (String id : groups.members(group)) {
      if (!id.equals(message.exclude()) && !inAny(message.earlier(), id) && delivery.deliver(id, message.frame())) {
        delivered++;
      }
    }
    String context = message.context().isEmpty() ? null : message.context();
    telemetry.received(group, context, message.sentAtMillis(), delivered, start);
  }

  /** A direct send to a connection of this node. */
  void received(DirectMessage message) {
    delivery.deliver(message.target(), message.frame());
  }

  private boolean inAny(List<String> earlierGroups, String connectionId) {
    for (String group : earlierGroups) {
      if (groups.contains(group, connectionId)) {
        return true;
      }
    }
    return false;
  }

  /** Delivers to every member here but {@code exclude}; returns how many took the frame. */
  private int deliverAll(Collection<String> ids, TextFrame frame, String exclude) {
    int delivered = 0;
    for (String id : ids) {
      if (!id.equals(exclude) && delivery.deliver(id, frame)) {
        delivered++;
      }
    }
    return delivered;
  }
}
