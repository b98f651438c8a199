package dev.chanx.server.layer;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.chanx.core.codec.TextFrame;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * Many threads joining and leaving one group while others broadcast to it: the group moves
 * between one member held directly and a set of several all the time, and must neither lose a
 * member that stays (it gets every frame) nor keep one that left.
 */
class InMemoryGroupConcurrencyTest {

  private static final String GROUP = "topic.room/room:busy";
  private static final int CHURNERS = 4;
  private static final int BROADCASTERS = 2;
  private static final int OPS = 20_000;
  private static final int SENDS = 5_000;

  private final Map<String, AtomicInteger> received = new ConcurrentHashMap<>();
  private final InMemoryChannelLayer layer = new InMemoryChannelLayer();
  private final ExecutorService pool = Executors.newFixedThreadPool(CHURNERS + BROADCASTERS);

  @AfterEach
  void stop() {
    pool.shutdownNow();
  }

  /** Delivery that hands the layer one recipient per id, counting what each receives. */
  private void start() {
    layer.start(new LocalDelivery() {
      @Override
      public boolean deliver(String connectionId, TextFrame frame) {
        return recipient(connectionId).receive(frame);
      }

      @Override
      public LocalRecipient recipient(String connectionId) {
        AtomicInteger count = received.computeIfAbsent(connectionId, id -> new AtomicInteger());
        return new LocalRecipient() {
          @Override
          public String id() {
            return connectionId;
          }

          @Override
          public boolean receive(TextFrame frame) {
            count.incrementAndGet();
            return true;
          }
        };
      }
    });
  }

  @Test
  void membersThatStayGetEveryFrameAndMembersThatLeftAreGone() throws Exception {
    start();
    // The group starts with one member, held directly; churners make it a set and back, again and again.
    layer.groupAdd(GROUP, "stays");
    CountDownLatch go = new CountDownLatch(1);
    List<Future<Set<String>>> churns = new ArrayList<>();
    for (int t = 0; t < CHURNERS; t++) {
      int thread = t;
      churns.add(pool.submit(() -> {
        go.await();
        Set<String> in = new HashSet<>();
        ThreadLocalRandom random = ThreadLocalRandom.current();
        for (int i = 0; i < OPS; i++) {
          String id = "c" + thread + "-" + random.nextInt(3);
          if (in.contains(id)) {
            layer.groupDiscard(GROUP, id);
            in.remove(id);
          } else {
            layer.groupAdd(GROUP, id);
            in.add(id);
          }
        }
        return in;
      }));
    }
    TextFrame frame = TextFrame.of("{\"action\":\"x\",\"payload\":null}");
    List<Future<?>> sends = new ArrayList<>();
    for (int t = 0; t < BROADCASTERS; t++) {
      sends.add(pool.submit(() -> {
        go.await();
        for (int i = 0; i < SENDS; i++) {
          layer.groupSend(List.of(GROUP), frame, null);
        }
        return null;
      }));
    }
    go.countDown();
    Set<String> expected = new HashSet<>(Set.of("stays"));
    for (Future<Set<String>> churn : churns) {
      expected.addAll(churn.get(60, TimeUnit.SECONDS));
    }
    for (Future<?> send : sends) {
      send.get(60, TimeUnit.SECONDS);
    }

    assertEquals(BROADCASTERS * SENDS, received.get("stays").get(), "the member that stayed missed frames");
    assertEquals(expected, layer.members(GROUP), "members after the churn");
    receivedSince();
    // What the layer holds is what a send reaches: each member once, nobody that left.
    layer.groupSend(List.of(GROUP), frame, null);
    assertTrue(received.values().stream().allMatch(count -> count.get() <= 1), "each member once: " + received);
    assertEquals(expected, receivedSince(), "what one send reached");

    for (String id : expected) {
      layer.groupDiscard(GROUP, id);
    }
    assertEquals(Set.of(), layer.members(GROUP));
    layer.groupSend(List.of(GROUP), frame, null);
    assertEquals(Set.of(), receivedSince());
  }

  /** {@return who received frames since the last call (the recipients keep their counters, so they are reset, not dropped)} */
  private Set<String> receivedSince() {
    Set<String> ids = new HashSet<>();
    received.forEach((id, count) -> {
      if (count.getAndSet(0) > 0) {
        ids.add(id);
      }
    });
    return ids;
  }

  @Test
  void aLoneMemberJoinsOnceAndAnExcludedOneGetsNothing() {
    start();
    layer.groupAdd(GROUP, "a");
    layer.groupAdd(GROUP, "a");
    layer.groupSend(List.of(GROUP), TextFrame.of("{}"), "a");
    assertEquals(0, received.get("a").get());
    layer.groupSend(List.of(GROUP), TextFrame.of("{}"), null);
    assertEquals(1, received.get("a").get());
    layer.groupAdd(GROUP, "b");
    layer.groupDiscard(GROUP, "a");
    assertEquals(Set.of("b"), layer.members(GROUP));
    layer.groupSend(List.of(GROUP, "other/empty"), TextFrame.of("{}"), null);
    assertEquals(1, received.get("b").get());
  }
}
