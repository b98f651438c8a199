package dev.chanx.redis;

import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Consumer;

/**
 * The members this node has in each group.
 *
 * <p>The callbacks run inside the atomic update of their group, so the subscribe and
 * unsubscribe commands of one group reach Redis in the order its membership changed.
 * They must be quick and must not touch this object.
 */
final class LocalGroups {

  private final ConcurrentHashMap<String, Set<String>> groups = new ConcurrentHashMap<>();

  /** Adds a member; runs {@code onFirst} when the group had no member here before. */
  void add(String group, String connectionId, Runnable onFirst) {
    groups.compute(group, (key, members) -> {
      Set<String> set = members;
      if (set == null) {
        set = ConcurrentHashMap.newKeySet();
        onFirst.run();
      }
      set.add(connectionId);
      return set;
    });
  }

  /** Removes a member; runs {@code onLast} when the group has no member here any more. */
  void remove(String group, String connectionId, Runnable onLast) {
    groups.computeIfPresent(group, (key, members) -> {
      members.remove(connectionId);
      if (members.isEmpty()) {
        onLast.run();
        return null;
      }
      return members;
    });
  }

  /** The live member set of a group, empty when it has none here; read it, never change it. */
  Set<String> members(String group) {
    Set<String> members = groups.get(group);
    return members == null ? Set.of() : members;
  }

  /** Whether a connection of this node is a member of the group. */
  boolean contains(String group, String connectionId) {
    Set<String> members = groups.get(group);
    return members != null && members.contains(connectionId);
  }

  /** Runs an action for each group that has members here, atomically with its membership. */
  void forEachGroup(Consumer<String> action) {
    for (String group : groups.keySet()) {
      groups.computeIfPresent(group, (key, members) -> {
        action.accept(key);
        return members;
      });
    }
  }

  /** Runs an action unless the group has members here, atomically with its membership. */
  void ifEmpty(String group, Runnable action) {
    groups.compute(group, (key, members) -> {
      if (members == null) {
        action.run();
      }
      return members;
    });
  }

  /** The groups that have members here (a snapshot). */
  Set<String> names() {
    return Set.copyOf(groups.keySet());
  }
}
