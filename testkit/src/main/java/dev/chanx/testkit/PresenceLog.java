package dev.chanx.testkit;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import dev.chanx.core.presence.PresenceFrames;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Predicate;
import org.junit.jupiter.api.Assertions;

/**
 * What one client learnt of a group's presence from its {@code presence_state},
 * {@code presence_join} and {@code presence_leave} frames: who is present now, and how often each
 * member joined and left. It reads chanx-kit's shape too (a join or leave of one {@code member}).
 * Feed it every frame ({@link #accept}, other frames are ignored), from
 * any thread; then assert:
 *
 * <pre>{@code
 * PresenceLog presence = new PresenceLog();
 * TestClient alice = TestClient.connect(port, "/ws/chat/room1/?name=Alice", presence::accept);
 * presence.awaitPresent(Set.of("Alice"), Duration.ofSeconds(5));
 * presence.assertJoinedOnce("Bob");
 * }</pre>
 */
public final class PresenceLog {

  private final Map<String, JsonNode> present = new LinkedHashMap<>();
  private final Map<String, Integer> joins = new HashMap<>();
  private final Map<String, Integer> leaves = new HashMap<>();
  private final List<String> problems = new ArrayList<>();
  private int states;
  private int diffFrames;

  /**
   * Takes one frame the client received; frames other than presence are ignored.
   *
   * @param text the frame's text
   */
  public synchronized void accept(String text) {
    Frame frame = Frame.of(text);
    String action = frame.action();
    if (action == null || !action.startsWith("presence_")) {
      return;
    }
    JsonNode payload = frame.json().path("payload");
    JsonNode members = members(payload);
    switch (action) {
      case PresenceFrames.STATE -> {
        states++;
        present.clear();
        members.forEach(m -> present.put(m.path("id").asText(), m.path("data")));
      }
      case PresenceFrames.JOIN -> {
        diffFrames++;
        for (JsonNode m : members) {
          String id = m.path("id").asText();
          joins.merge(id, 1, Integer::sum);
          if (present.put(id, m.path("data")) != null) {
            problems.add(id + " joined while present");
          }
        }
      }
      case PresenceFrames.LEAVE -> {
        diffFrames++;
        for (JsonNode m : members) {
          String id = m.path("id").asText();
          leaves.merge(id, 1, Integer::sum);
          if (present.remove(id) == null) {
            problems.add(id + " left while absent");
          }
        }
      }
      default -> problems.add("unknown presence frame " + action);
    }
    notifyAll();
  }

  // Ours carry members, and member too when alone; chanx-kit's only member: either must read the same.
  private JsonNode members(JsonNode payload) {
    JsonNode members = payload.path("members");
    JsonNode member = payload.get("member");
    if (member == null) {
      return members;
    }
    if (members.isMissingNode()) {
      return JsonNodeFactory.instance.arrayNode().add(member);
    }
    if (members.size() != 1 || !members.get(0).equals(member)) {
      problems.add("member " + member + " is not the only one of members " + members);
    }
    return members;
  }

  /** {@return the members present now, by id} */
  public synchronized Set<String> present() {
    return Set.copyOf(present.keySet());
  }

  /**
   * {@return a present member's data, or null}
   *
   * @param id the member's id
   */
  public synchronized JsonNode data(String id) {
    return present.get(id);
  }

  /**
   * {@return how many times a member joined (not counting the state)}
   *
   * @param id the member's id
   */
  public synchronized int joins(String id) {
    return joins.getOrDefault(id, 0);
  }

  /**
   * {@return how many times a member left}
   *
   * @param id the member's id
   */
  public synchronized int leaves(String id) {
    return leaves.getOrDefault(id, 0);
  }

  /** {@return how many {@code presence_state} frames came} */
  public synchronized int states() {
    return states;
  }

  /** {@return how many {@code presence_join} and {@code presence_leave} frames came} */
  public synchronized int diffFrames() {
    return diffFrames;
  }

  /**
   * Waits until the present members are exactly {@code expected}.
   *
   * @param expected the member ids
   * @param timeout how long to wait at most
   * @throws InterruptedException when interrupted while waiting
   */
  public void awaitPresent(Set<String> expected, Duration timeout) throws InterruptedException {
    await(p -> p.equals(expected), "present " + expected, timeout);
  }

  /**
   * Waits until the present members satisfy a condition.
   *
   * @param condition on the ids present
   * @param what the condition, for the failure message
   * @param timeout how long to wait at most
   * @throws InterruptedException when interrupted while waiting
   */
  public synchronized void await(Predicate<Set<String>> condition, String what, Duration timeout)
      throws InterruptedException {
    long end = System.nanoTime() + timeout.toNanos();
    while (!condition.test(present.keySet())) {
      long left = end - System.nanoTime();
      if (left <= 0) {
        Assertions.fail("not " + what + " within " + timeout.toMillis() + " ms; present: " + present.keySet());
      }
      wait(Math.max(1, left / 1_000_000));
    }
  }

  /**
   * Asserts that a member joined exactly once and left exactly once.
   *
   * @param id the member's id
   */
  public synchronized void assertJoinedAndLeftOnce(String id) {
    Assertions.assertEquals(1, joins(id), () -> id + " joins");
    Assertions.assertEquals(1, leaves(id), () -> id + " leaves");
  }

  /** Asserts that no member joined while present nor left while absent. */
  public synchronized void assertConsistent() {
    Assertions.assertEquals(List.of(), problems, "presence diffs that contradict the state");
  }
}
