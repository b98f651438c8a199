package dev.chanx.example;

import dev.chanx.server.layer.ChannelLayer;
import dev.chanx.server.layer.LocalDelivery;
import dev.chanx.core.codec.TextFrame;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;

/**
 * Channel layers for several servers in one JVM that share their groups and hand a frame to
 * another node as a copy of its bytes, once per node, the way a Redis layer does: a test's
 * stand-in for a distributed layer.
 */
final class BytesBus {

  private final Map<String, Set<String>> groups = new ConcurrentHashMap<>();
  private final List<LocalDelivery> nodes = new CopyOnWriteArrayList<>();

  /** A layer for one more node on this bus. */
  ChannelLayer layer() {
    return new ChannelLayer() {
      private volatile LocalDelivery self;

      @Override
      public void start(LocalDelivery localDelivery) {
        self = localDelivery;
        nodes.add(localDelivery);
      }

      @Override
      public CompletableFuture<Void> groupAdd(String group, String connectionId) {
        groups.computeIfAbsent(group, g -> ConcurrentHashMap.newKeySet()).add(connectionId);
        return CompletableFuture.completedFuture(null);
      }

      @Override
      public void groupDiscard(String group, String connectionId) {
        groups.getOrDefault(group, Set.of()).remove(connectionId);
      }

      @Override
      public void groupSend(Collection<String> names, TextFrame frame, String excludeConnectionId) {
        Set<String> members = new HashSet<>();
        names.forEach(name -> members.addAll(groups.getOrDefault(name, Set.of())));
        members.remove(excludeConnectionId);
        deliver(self, members, frame);
      }

      @Override
      public void send(String connectionId, TextFrame frame) {
        deliver(self, List.of(connectionId), frame);
      }

      @Override
      public void stop() {
        nodes.remove(self);
      }
    };
  }

  private void deliver(LocalDelivery from, Collection<String> ids, TextFrame frame) {
    for (LocalDelivery node : nodes) {
      List<String> here = new ArrayList<>();
      for (String id : ids) {
        if (id.startsWith(node.nodeId() + ".")) {
          here.add(id);
        }
      }
      if (here.isEmpty()) {
        continue;
      }
      TextFrame arrived = node == from ? frame : copy(frame);
      here.forEach(id -> node.deliver(id, arrived));
    }
  }

  private static TextFrame copy(TextFrame frame) {
    byte[] bytes = new byte[frame.length()];
    frame.buffer().get(bytes);
    return TextFrame.ofUtf8(bytes);
  }
}
