package dev.chanx.example;

import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.chanx.redis.RedisChannelLayer;
import dev.chanx.redis.RedisForTests;
import dev.chanx.redis.RedisPresence;
import dev.chanx.server.ChanxServer;
import dev.chanx.server.testing.TestClient;
import dev.chanx.testkit.PresenceLog;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Queue;
import java.util.Random;
import java.util.Set;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/**
 * The churn, in full: 1,000 members of the tutorial chat opening and closing 1 to 5 tabs on
 * three nodes sharing one Redis for 60 s give exactly one join and one leave per member at a
 * subscriber on every node. No timing is asserted: a loaded machine only makes it slower.
 */
@Timeout(300)
class PresenceChurnTest {

  private static final int MEMBERS = 1_000;
  // Members start over the first 50 s; the last one's tabs are closed about 63 s in.
  private static final int START_SPREAD_MILLIS = 50_000;
  private static final Duration WAIT = Duration.ofSeconds(30);

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
  void aThousandMembersWithTabsAcrossNodesForAMinuteJoinAndLeaveOnceEach() throws Exception {
    String room = "/ws/chat/churn-" + System.nanoTime() + "/";
    List<PresenceLog> observers = new ArrayList<>();
    List<TestClient> observerSockets = new ArrayList<>();
    Set<String> everyone = Set.of("observer0", "observer1", "observer2");
    ScheduledExecutorService clock = Executors.newScheduledThreadPool(8);
    try {
      for (int node = 0; node < 3; node++) {
        PresenceLog log = new PresenceLog();
        observers.add(log);
        observerSockets.add(TestClient.connect(port(node), room + "?name=observer" + node, log::accept));
      }
      for (PresenceLog log : observers) {
        log.awaitPresent(everyone, WAIT);
      }
      CountDownLatch done = new CountDownLatch(MEMBERS);
      Queue<Throwable> failures = new ConcurrentLinkedQueue<>();
      long began = System.nanoTime();
      for (int m = 0; m < MEMBERS; m++) {
        Random random = new Random(m);
        new Member(room, "member" + m, random, clock, done, failures)
            .after(random.nextInt(START_SPREAD_MILLIS));
      }
      assertTrue(done.await(240, TimeUnit.SECONDS), "the members' tabs were not all opened and closed in time");
      System.out.printf("presence churn: %d members' tabs opened and closed in %d s%n", MEMBERS,
          TimeUnit.NANOSECONDS.toSeconds(System.nanoTime() - began));
      assertTrue(failures.isEmpty(), () -> "a tab failed: " + failures.peek());
      for (PresenceLog log : observers) {
        log.awaitPresent(everyone, WAIT);
        log.assertConsistent();
        for (int m = 0; m < MEMBERS; m++) {
          log.assertJoinedAndLeftOnce("member" + m);
        }
      }
    } finally {
      clock.shutdownNow();
      observerSockets.forEach(TestClient::close);
    }
  }

  /**
   * One member's life, as steps on the shared clock rather than a sleeping thread each: its first
   * tab opens, then 0 to 4 more open and close one after the other on random nodes, then the first
   * closes, so the member is present from its first tab to its last.
   */
  private final class Member {

    private final String path;
    private final Random random;
    private final ScheduledExecutorService clock;
    private final CountDownLatch done;
    private final Queue<Throwable> failures;
    private int tabsLeft;
    private TestClient first;
    private TestClient tab;

    Member(String room, String name, Random random, ScheduledExecutorService clock, CountDownLatch done,
        Queue<Throwable> failures) {
      this.path = room + "?name=" + name;
      this.random = random;
      this.clock = clock;
      this.done = done;
      this.failures = failures;
      this.tabsLeft = random.nextInt(5);
    }

    void after(int millis) {
      clock.schedule(this::step, millis, TimeUnit.MILLISECONDS);
    }

    private void step() {
      try {
        if (first == null) {
          first = TestClient.connect(port(random.nextInt(3)), path);
          after(random.nextInt(1_500));
        } else if (tab != null) {
          tab.close();
          tab = null;
          after(random.nextInt(1_500));
        } else if (tabsLeft > 0) {
          tabsLeft--;
          tab = TestClient.connect(port(random.nextInt(3)), path);
          after(random.nextInt(1_500));
        } else {
          first.close();
          done.countDown();
        }
      } catch (Throwable e) {
        failures.add(e);
        done.countDown();
      }
    }
  }

  private int port(int node) {
    return nodes.get(node).port();
  }
}
