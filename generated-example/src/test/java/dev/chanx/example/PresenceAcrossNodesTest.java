package dev.chanx.example;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.chanx.redis.RedisChannelLayer;
import dev.chanx.redis.RedisForTests;
import dev.chanx.redis.RedisPresence;
import dev.chanx.server.ChanxServer;
import dev.chanx.server.testing.TestClient;
import dev.chanx.testkit.PresenceLog;
import java.io.BufferedReader;
import java.util.ArrayDeque;
import java.io.File;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/**
 * The tutorial chat's presence on three nodes sharing one Redis (three servers in this JVM, and a
 * separate chat-server process for the crash): joins cross nodes quickly, a member with tabs on
 * several nodes joins and leaves once, a killed node's members leave everywhere. The issue's
 * full churn (1,000 members, 60 s) is {@link PresenceChurnTest}.
 */
@Timeout(180)
class PresenceAcrossNodesTest {

  private static final Duration WAIT = Duration.ofSeconds(15);

  private final List<ChanxServer> nodes = new ArrayList<>();

  @BeforeEach
  void start() {
    String redis = RedisForTests.uri();
    for (int i = 0; i < 3; i++) {
      nodes.add(ChatServer.create(config -> config.port(0).layer(RedisChannelLayer.create(redis))
          .presence(RedisPresence.create(redis))).start());
    }
  }

  @AfterEach
  void stop() {
    nodes.forEach(ChanxServer::stop);
  }

  @Test
  void aJoinOnOneNodeIsSeenOnAnotherQuickly() throws Exception {
    String room = room();
    Map<String, Long> seenAt = new ConcurrentHashMap<>();
    PresenceLog seen = new PresenceLog();
    Pattern member = Pattern.compile("\"id\":\"(m\\d+)\"");
    try (TestClient observer = TestClient.connect(port(2), room + "?name=observer", frame -> {
      long now = System.nanoTime();
      seen.accept(frame);
      if (frame.contains("\"presence_join\"")) {
        member.matcher(frame).results().forEach(m -> seenAt.putIfAbsent(m.group(1), now));
      }
    })) {
      seen.awaitPresent(Set.of("observer"), WAIT);
      // 1,000 members join on node A one after the other, 50 at most at a time: every member gets
      // the room's presence too, and a room of 1,000 slow test clients would be cut off by the
      // server as slow consumers (which then leave, as they should).
      Map<String, Long> startedAt = new ConcurrentHashMap<>();
      ArrayDeque<TestClient> open = new ArrayDeque<>();
      for (int i = 0; i < 1000; i++) {
        startedAt.put("m" + i, System.nanoTime());
        open.add(TestClient.connect(port(0), room + "?name=m" + i));
        if (open.size() > 50) {
          open.poll().close();
        }
      }
      open.forEach(TestClient::close);
      seen.awaitPresent(Set.of("observer"), WAIT);
      List<Long> micros = new ArrayList<>();
      startedAt.forEach((id, start) -> micros.add((seenAt.get(id) - start) / 1_000));
      Collections.sort(micros);
      long p50 = micros.get(499) / 1000;
      long p99 = micros.get(989) / 1000;
      long max = micros.get(999) / 1000;
      System.out.printf("presence: 1000 joins on node A seen on node C: p50 %d ms, p99 %d ms, max %d ms;"
          + " %d diff frames for 2000 joins and leaves%n", p50, p99, max, seen.diffFrames());
      // Generous, for a loaded CI machine; the figure measured is in docs/reference/presence.md.
      assertTrue(p99 < 1_000, () -> "p99 " + p99 + " ms");
      for (int i = 0; i < 1000; i++) {
        seen.assertJoinedAndLeftOnce("m" + i);
      }
      seen.assertConsistent();
    }
  }

  @Test
  void aKilledNodesMembersLeaveEverywhereWithinTenSeconds() throws Exception {
    String room = room();
    Process process = new ProcessBuilder(javaBin(), "-cp", System.getProperty("java.class.path"),
        ChatServer.class.getName(), "--port", "0", "--redis", RedisForTests.uri())
        .redirectErrorStream(true).start();
    List<TestClient> onTheDoomed = new ArrayList<>();
    PresenceLog seen = new PresenceLog();
    try (TestClient observer = TestClient.connect(port(1), room + "?name=observer", seen::accept)) {
      int port = portOf(process);
      Set<String> expected = new HashSet<>(Set.of("observer"));
      for (int i = 0; i < 20; i++) {
        onTheDoomed.add(TestClient.connect(port, room + "?name=doomed" + i));
        expected.add("doomed" + i);
      }
      seen.awaitPresent(expected, WAIT);
      long killed = System.nanoTime();
      process.destroyForcibly();  // SIGKILL: no shutdown hook, nothing untracked
      seen.awaitPresent(Set.of("observer"), Duration.ofSeconds(10));
      long millis = (System.nanoTime() - killed) / 1_000_000;
      System.out.println("presence: members of a node killed with SIGKILL left everywhere after " + millis + " ms");
      for (int i = 0; i < 20; i++) {
        seen.assertJoinedAndLeftOnce("doomed" + i);
      }
      // A node that starts now sees no ghost.
      PresenceLog late = new PresenceLog();
      try (TestClient newcomer = TestClient.connect(port(0), room + "?name=late", late::accept)) {
        late.awaitPresent(Set.of("observer", "late"), WAIT);
        assertEquals(1, late.states());
      }
    } finally {
      process.destroyForcibly();
      onTheDoomed.forEach(PresenceAcrossNodesTest::closeQuietly);
    }
  }

  // A socket of the killed node may not close cleanly; that is not under test.
  private static void closeQuietly(TestClient client) {
    try {
      client.close();
    } catch (RuntimeException e) {
      // Gone anyway.
    }
  }

  private int port(int node) {
    return nodes.get(node).port();
  }

  private static String room() {
    return "/ws/chat/presence-" + System.nanoTime() + "/";
  }

  private static String javaBin() {
    return System.getProperty("java.home") + File.separator + "bin" + File.separator + "java";
  }

  // The chat server prints "Chat: http://localhost:<port>/chat/" once it listens.
  private static int portOf(Process process) throws Exception {
    BufferedReader out = new BufferedReader(new InputStreamReader(process.getInputStream(), StandardCharsets.UTF_8));
    Pattern chat = Pattern.compile("Chat: http://localhost:(\\d+)/chat/");
    long end = System.nanoTime() + TimeUnit.SECONDS.toNanos(30);
    String line;
    while (System.nanoTime() < end && (line = out.readLine()) != null) {
      Matcher m = chat.matcher(line);
      if (m.find()) {
        Thread drain = new Thread(() -> out.lines().forEach(l -> {}), "chat-server-output");
        drain.setDaemon(true);
        drain.start();
        return Integer.parseInt(m.group(1));
      }
    }
    throw new AssertionError("the chat server process did not start");
  }
}
