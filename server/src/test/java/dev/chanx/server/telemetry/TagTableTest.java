package dev.chanx.server.telemetry;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

class TagTableTest {

  @Test
  void makesOneValuePerNameAndFindsItByAnEqualName() {
    AtomicInteger made = new AtomicInteger();
    TagTable<String> table = new TagTable<>(name -> "value of " + name + " #" + made.incrementAndGet());
    String ping = table.get("ping");
    // An equal name that is another object, as a tag read from a frame's text would be.
    String parsed = new String("ping".toCharArray());
    assertSame(ping, table.get(parsed));
    assertSame(ping, table.get("ping"));
    assertEquals("value of pong #2", table.get("pong"));
    assertEquals("value of ping #1", table.get("ping"));
    assertEquals(2, made.get());
  }

  @Test
  void threadsAskingForNewNamesAtOnceGetOneValueEach() throws Exception {
    Map<String, AtomicInteger> made = new ConcurrentHashMap<>();
    TagTable<Object> table = new TagTable<>(name -> {
      made.computeIfAbsent(name, n -> new AtomicInteger()).incrementAndGet();
      return new Object();
    });
    int threads = 4;
    CountDownLatch start = new CountDownLatch(1);
    List<List<Object>> seen = new ArrayList<>();
    List<Thread> running = new ArrayList<>();
    for (int t = 0; t < threads; t++) {
      List<Object> mine = new ArrayList<>();
      seen.add(mine);
      Thread thread = new Thread(() -> {
        try {
          start.await();
        } catch (InterruptedException e) {
          Thread.currentThread().interrupt();
        }
        for (int i = 0; i < 50; i++) {
          mine.add(table.get(new String(("tag-" + i).toCharArray())));
        }
      });
      thread.start();
      running.add(thread);
    }
    start.countDown();
    for (Thread thread : running) {
      thread.join();
    }
    assertEquals(50, made.size());
    made.forEach((name, count) -> assertEquals(1, count.get(), name));
    for (List<Object> mine : seen) {
      assertEquals(seen.get(0), mine);
    }
  }
}
