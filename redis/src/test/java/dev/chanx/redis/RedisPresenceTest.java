package dev.chanx.redis;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.chanx.server.presence.PresenceEvent;
import io.lettuce.core.RedisClient;
import io.lettuce.core.api.StatefulRedisConnection;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/**
 * Two presence stores on one Redis: a member counted across both joins once and leaves once; a
 * node the others forgot (silent too long) has its members leave, and when it is heard again it
 * tracks again only the connections it still has.
 */
@Timeout(60)
class RedisPresenceTest {

  private static final Duration WAIT = Duration.ofSeconds(10);

  @Test
  void aMemberOnTwoNodesJoinsOnceAndLeavesWithItsLastConnection() throws Exception {
    String namespace = RedisForTests.freshNamespace();
    RedisPresence a = RedisPresence.create(RedisForTests.uri()).namespace(namespace);
    RedisPresence b = RedisPresence.create(RedisForTests.uri()).namespace(namespace);
    List<PresenceEvent> seenByB = new CopyOnWriteArrayList<>();
    a.start(event -> {});
    b.start(seenByB::add);
    try {
      a.track("chat/room", "c1", "alice", "{\"name\":\"Alice\"}");
      awaitSize(seenByB, 1);
      // The second connection, on the other node, neither joins again nor changes the member's data.
      b.track("chat/room", "c2", "alice", "{\"name\":\"Alice (tab 2)\"}");
      awaitSize(seenByB, 1);
      a.untrack("chat/room", "c1");
      assertEquals(Map.of("alice", "{\"name\":\"Alice\"}"),
          b.state("chat/room").toCompletableFuture().get().members());
      b.untrack("chat/room", "c2");
      awaitSize(seenByB, 2);
      assertEquals(List.of(true, false), seenByB.stream().map(PresenceEvent::join).toList());
      assertEquals(Map.of(), b.state("chat/room").toCompletableFuture().get().members());
    } finally {
      a.stop();
      b.stop();
    }
  }

  @Test
  void aForgottenNodeLosesItsMembersThenTracksWhatItStillHas() throws Exception {
    String namespace = RedisForTests.freshNamespace();
    RedisPresence a = RedisPresence.create(RedisForTests.uri()).namespace(namespace).nodeTimeout(Duration.ofMillis(900));
    RedisPresence b = RedisPresence.create(RedisForTests.uri()).namespace(namespace).nodeTimeout(Duration.ofMillis(900));
    List<PresenceEvent> seenByB = new CopyOnWriteArrayList<>();
    a.start(event -> {});
    b.start(seenByB::add);
    RedisClient client = RedisClient.create(RedisForTests.uri());
    try (StatefulRedisConnection<String, String> admin = client.connect()) {
      a.track("chat/room", "c1", "alice", "{}");
      a.track("chat/room", "c2", "bob", "{}");
      awaitSize(seenByB, 2);
      a.untrack("chat/room", "c2");
      awaitSize(seenByB, 3);
      // As if node A had been silent for long: its heartbeat is dated long ago.
      admin.sync().zadd(namespace + ":p:nodes", 1, a.nodeId());
      awaitSize(seenByB, 5);
      List<String> events = seenByB.stream().map(e -> (e.join() ? "join " : "leave ") + e.key()).toList();
      assertEquals(List.of("join alice", "join bob", "leave bob", "leave alice", "join alice"), events);
      assertEquals(Map.of("alice", "{}"), b.state("chat/room").toCompletableFuture().get().members());
    } finally {
      client.shutdown();
      a.stop();
      b.stop();
    }
  }

  @Test
  void aStateReadsBackKeysAndDataExactly() throws Exception {
    RedisPresence a = RedisPresence.create(RedisForTests.uri()).namespace(RedisForTests.freshNamespace());
    List<PresenceEvent> joins = new CopyOnWriteArrayList<>();
    a.start(joins::add);
    try {
      // Keys and data that JSON must escape, and text beyond ASCII, pass through the state's one string.
      Map<String, String> expected = new java.util.LinkedHashMap<>();
      expected.put("Zoë \"the\" \\ / \n", "{\"name\":\"Zo\\u00eb\",\"path\":\"a/b\"}");
      expected.put("日本", "[1,2.5,null,true]");
      expected.put("plain", "\"text\"");
      int c = 0;
      for (Map.Entry<String, String> member : expected.entrySet()) {
        a.track("chat/room", "c" + c++, member.getKey(), member.getValue());
      }
      awaitSize(joins, expected.size());
      assertEquals(expected, a.state("chat/room").toCompletableFuture().get().members());
      assertEquals(Map.of(), a.state("chat/elsewhere").toCompletableFuture().get().members());
    } finally {
      a.stop();
    }
  }

  private static void awaitSize(List<PresenceEvent> events, int size) throws InterruptedException {
    long end = System.nanoTime() + WAIT.toNanos();
    while (events.size() < size) {
      if (System.nanoTime() > end) {
        throw new AssertionError("expected " + size + " events, got " + events);
      }
      Thread.sleep(10);
    }
    Thread.sleep(50);
    if (events.size() != size) {
      throw new AssertionError("expected " + size + " events, got " + events);
    }
  }
}
