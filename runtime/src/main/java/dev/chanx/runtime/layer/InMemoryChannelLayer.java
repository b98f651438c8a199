package dev.chanx.runtime.layer;

import java.util.Collection;
import java.util.HashSet;
import java.util.Iterator;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/** The default channel layer: groups live in this JVM, so it serves a single node. */
public final class InMemoryChannelLayer implements ChannelLayer {

  private final ConcurrentHashMap<String, Set<String>> groups = new ConcurrentHashMap<>();
  private volatile LocalDelivery delivery = (id, frame) -> false;

  @Override
  public void start(LocalDelivery localDelivery) {
    this.delivery = localDelivery;
  }

  @Override
  public void groupAdd(String group, String connectionId) {
    groups.compute(group, (key, members) -> {
      Set<String> set = members != null ? members : ConcurrentHashMap.newKeySet();
      set.add(connectionId);
      return set;
    });
  }

  @Override
  public void groupDiscard(String group, String connectionId) {
    groups.computeIfPresent(group, (key, members) -> {
      members.remove(connectionId);
      return members.isEmpty() ? null : members;
    });
  }

  @Override
  public void groupSend(Collection<String> groupNames, TextFrame frame, String excludeConnectionId) {
    LocalDelivery to = delivery;
    // The collection may be a live view that changes meanwhile: read it once, by iterator.
    Iterator<String> names = groupNames.iterator();
    if (!names.hasNext()) {
      return;
    }
    String first = names.next();
    if (!names.hasNext()) {
      Set<String> members = groups.get(first);
      if (members != null) {
        deliverAll(to, members, frame, excludeConnectionId);
      }
      return;
    }
    Set<String> union = new HashSet<>(members(first));
    while (names.hasNext()) {
      Set<String> members = groups.get(names.next());
      if (members != null) {
        union.addAll(members);
      }
    }
    deliverAll(to, union, frame, excludeConnectionId);
  }

  @Override
  public void send(String connectionId, TextFrame frame) {
    delivery.deliver(connectionId, frame);
  }

  /**
   * The current members of a group (a snapshot), for tests and monitoring.
   *
   * @param group the group's name
   * @return the current members of a group (a snapshot), for tests and monitoring
   */
  public Set<String> members(String group) {
    Set<String> members = groups.get(group);
    return members == null ? Set.of() : Set.copyOf(members);
  }

  private static void deliverAll(LocalDelivery to, Set<String> ids, TextFrame frame, String exclude) {
    for (String id : ids) {
      if (!id.equals(exclude)) {
        to.deliver(id, frame);
      }
    }
  }
}
