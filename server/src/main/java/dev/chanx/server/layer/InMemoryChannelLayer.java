package dev.chanx.server.layer;

import dev.chanx.core.codec.TextFrame;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.HashMap;
import java.util.HashSet;
import java.util.Iterator;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The default channel layer: groups live in this JVM, so it serves a single node. A group whose
 * frames are recoverable keeps its last frames in a bounded ring ({@link GroupHistory}).
 */
public final class InMemoryChannelLayer implements ChannelLayer {

  private static final LocalRecipient[] NONE = {};

  // A group's members: its one member itself (most topic groups have one, and a socket may hold a
  // thousand), or a Group from the second join on. Changed only inside compute, under the bin's lock.
  private final ConcurrentHashMap<String, Object> groups = new ConcurrentHashMap<>();
  private volatile LocalDelivery delivery = (id, frame) -> false;
  private volatile LayerTelemetry telemetry = LayerTelemetry.OFF;
  private final ConcurrentHashMap<String, GroupHistory> histories = new ConcurrentHashMap<>();
  private final AtomicInteger sendsSinceSweep = new AtomicInteger();
  // Sweeps forgotten histories once per this many recoverable sends, so they cost nothing per send.
  private static final int SWEEP_EVERY = 1024;

  @Override
  public void start(LocalDelivery localDelivery) {
    this.delivery = localDelivery;
    this.telemetry = localDelivery.telemetry();
  }

  @Override
  public CompletableFuture<Void> groupAdd(String group, String connectionId) {
    // Found once per join, so that a send goes straight to each member.
    LocalRecipient found = delivery.recipient(connectionId);
    LocalRecipient member = found != null ? found : new ById(connectionId);
    groups.compute(group, (key, members) -> {
      if (members == null) {
        return member;
      }
      if (members instanceof Group in) {
        in.add(member);
        return in;
      }
      LocalRecipient one = (LocalRecipient) members;
      return one.id().equals(connectionId) ? one : new Group(one, member);
    });
    // One node: the member is in the group once the map holds it.
    return CompletableFuture.completedFuture(null);
  }

  @Override
  public void groupDiscard(String group, String connectionId) {
    groups.computeIfPresent(group, (key, members) -> {
      if (members instanceof Group in) {
        // Back to a lone member when one is left, so a group's cost follows its size down too.
        return in.without(connectionId);
      }
      return ((LocalRecipient) members).id().equals(connectionId) ? null : members;
    });
    GroupHistory history = histories.get(group);
    if (history != null) {
      history.touch();
    }
  }

  @Override
  public void historySend(List<HistoryGroup> historyGroups, TextFrame frame, String excludeConnectionId,
      TextFrame after) {
    if (historyGroups.size() == 1) {
      sendOne(historyGroups.get(0), frame, excludeConnectionId, after);
      return;
    }
    List<GroupHistory> rings = new ArrayList<>(historyGroups.size());
    List<String> names = new ArrayList<>(historyGroups.size());
    List<String> keys = new ArrayList<>(historyGroups.size());
    for (HistoryGroup group : historyGroups) {
      rings.add(ring(group));
      names.add(group.name());
      keys.add(group.key());
    }
    // Several groups are locked in one global order, so two sends never wait for each other.
    List<GroupHistory> locking = rings;
    if (rings.size() > 1) {
      List<HistoryGroup> byKey = new ArrayList<>(historyGroups);
      byKey.sort(Comparator.comparing(HistoryGroup::key));
      locking = new ArrayList<>(byKey.size());
      for (HistoryGroup group : byKey) {
        locking.add(ring(group));
      }
    }
    for (GroupHistory ring : locking) {
      ring.lock.lock();
    }
    try {
      List<Position> positions = new ArrayList<>(rings.size());
      for (GroupHistory ring : rings) {
        positions.add(ring.next());
      }
      TextFrame positioned = FramePositions.write(frame, names, positions);
      for (GroupHistory ring : rings) {
        ring.append(positioned);
      }
      // Delivered under the locks: members get a group's frames in the order of their offsets.
      groupSend(keys, positioned, excludeConnectionId);
      if (after != null) {
        groupSend(keys, after, excludeConnectionId);
      }
    } finally {
      for (GroupHistory ring : locking) {
        ring.lock.unlock();
      }
    }
    if (sendsSinceSweep.incrementAndGet() % SWEEP_EVERY == 0) {
      sweep();
    }
  }

  /** The usual send, to one group: no lists made. */
  private void sendOne(HistoryGroup group, TextFrame frame, String excludeConnectionId, TextFrame after) {
    GroupHistory ring = ring(group);
    List<String> key = List.of(group.key());
    ring.lock.lock();
    try {
      TextFrame positioned = ring.appendOne(frame, group.name());
      groupSend(key, positioned, excludeConnectionId);
      if (after != null) {
        groupSend(key, after, excludeConnectionId);
      }
    } finally {
      ring.lock.unlock();
    }
    if (sendsSinceSweep.incrementAndGet() % SWEEP_EVERY == 0) {
      sweep();
    }
  }

  @Override
  public CompletableFuture<HistoryRead> history(HistoryGroup group, Position after) {
    return CompletableFuture.completedFuture(ring(group).read(after));
  }

  private GroupHistory ring(HistoryGroup group) {
    GroupHistory ring = histories.get(group.key());
    return ring != null ? ring : histories.computeIfAbsent(group.key(), key -> new GroupHistory(group.history()));
  }

  /** Forgets the histories of groups without members here that nobody touched for longer than their window. */
  private void sweep() {
    long now = System.nanoTime();
    histories.forEach((key, ring) -> {
      if (!groups.containsKey(key) && ring.forgotten(now)) {
        histories.remove(key, ring);
      }
    });
  }

  @Override
  public void groupSend(Collection<String> groupNames, TextFrame frame, String excludeConnectionId) {
    // The collection may be a live view that changes meanwhile: read it once, by iterator.
    Iterator<String> names = groupNames.iterator();
    if (!names.hasNext()) {
      return;
    }
    String firstName = names.next();
    LayerTelemetry.Sending sending = telemetry.sending(firstName);
    long start = sending.watched() ? System.nanoTime() : 0;
    Object first = groups.get(firstName);
    int delivered = 0;
    if (!names.hasNext()) {
      if (first instanceof Group in) {
        delivered = deliverAll(in.members(), frame, excludeConnectionId);
      } else if (first != null) {
        LocalRecipient one = (LocalRecipient) first;
        delivered = !one.id().equals(excludeConnectionId) && one.receive(frame) ? 1 : 0;
      }
      sending.done(delivered, start);
      return;
    }
    // Several groups: each member once.
    Set<String> done = new HashSet<>();
    if (excludeConnectionId != null) {
      done.add(excludeConnectionId);
    }
    delivered += deliverOnce(first, frame, done);
    while (names.hasNext()) {
      delivered += deliverOnce(groups.get(names.next()), frame, done);
    }
    sending.done(delivered, start);
  }

  @Override
  public void send(String connectionId, TextFrame frame) {
    delivery.deliver(connectionId, frame);
  }

  /**
   * {@return the current members of a group (a snapshot), for tests and monitoring}
   *
   * @param group the group's name
   */
  public Set<String> members(String group) {
    Object members = groups.get(group);
    if (members == null) {
      return Set.of();
    }
    return members instanceof Group in ? in.ids() : Set.of(((LocalRecipient) members).id());
  }

  /** Delivers to every member but {@code exclude}; returns how many took the frame. */
  private static int deliverAll(LocalRecipient[] members, TextFrame frame, String exclude) {
    int delivered = 0;
    for (LocalRecipient member : members) {
      if (!member.id().equals(exclude) && member.receive(frame)) {
        delivered++;
      }
    }
    return delivered;
  }

  private static int deliverOnce(Object group, TextFrame frame, Set<String> done) {
    if (group == null) {
      return 0;
    }
    if (!(group instanceof Group in)) {
      LocalRecipient one = (LocalRecipient) group;
      return done.add(one.id()) && one.receive(frame) ? 1 : 0;
    }
    int delivered = 0;
    for (LocalRecipient member : in.members()) {
      if (done.add(member.id()) && member.receive(frame)) {
        delivered++;
      }
    }
    return delivered;
  }

  /**
   * The members of a group of two or more by id, and the array a send iterates: made again by the
   * first send after a join or leave, so a send neither looks members up nor allocates, and a join
   * stays O(1) however large the group.
   */
  private static final class Group {

    private final HashMap<String, LocalRecipient> byId = new HashMap<>();
    // Null after a change; read without the lock, written under it.
    private volatile LocalRecipient[] snapshot;

    Group(LocalRecipient one, LocalRecipient two) {
      byId.put(one.id(), one);
      byId.put(two.id(), two);
      snapshot = new LocalRecipient[] {one, two};
    }

    synchronized void add(LocalRecipient member) {
      if (byId.putIfAbsent(member.id(), member) == null) {
        snapshot = null;
      }
    }

    /** Removes a member; {@return what the group is then: itself, its lone member left, or null when empty} */
    synchronized Object without(String id) {
      if (byId.remove(id) != null) {
        snapshot = null;
      }
      if (byId.size() > 1) {
        return this;
      }
      return byId.isEmpty() ? null : byId.values().iterator().next();
    }

    LocalRecipient[] members() {
      LocalRecipient[] members = snapshot;
      if (members == null) {
        synchronized (this) {
          members = snapshot;
          if (members == null) {
            members = byId.values().toArray(NONE);
            snapshot = members;
          }
        }
      }
      return members;
    }

    synchronized Set<String> ids() {
      return Set.copyOf(byId.keySet());
    }
  }

  /** A member this node's delivery could not hand over when it joined: found by id at each send. */
  private final class ById implements LocalRecipient {

    private final String id;

    ById(String id) {
      this.id = id;
    }

    @Override
    public String id() {
      return id;
    }

    @Override
    public boolean receive(TextFrame frame) {
      return delivery.deliver(id, frame);
    }
  }
}
