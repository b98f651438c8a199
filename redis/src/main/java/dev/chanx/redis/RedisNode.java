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

  RedisNode(String nodeId, LocalDelivery delivery, RedisNames names, LocalGroups groups,
      Subscriptions subscriptions, BoundedPublisher publisher) {
    this.nodeId = nodeId;
    this.delivery = delivery;
    this.names = names;
    this.groups = groups;
    this.subscriptions = subscriptions;
    this.publisher = publisher;
    this.telemetry = delivery.telemetry();
  }

  void groupAdd(String group, String connectionId) {
    groups.add(group, connectionId, () -> subscriptions.subscribe(names.group(group)));
  }

  void groupDiscard(String group, String connectionId) {
    groups.remove(group, connectionId, () -> subscriptions.unsubscribe(names.group(group)));
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
