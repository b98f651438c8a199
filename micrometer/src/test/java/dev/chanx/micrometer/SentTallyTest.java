package dev.chanx.micrometer;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import org.junit.jupiter.api.Test;

class SentTallyTest {

  @Test
  void sumsWhatEveryThreadCountedIncludingThreadsThatShareASlotOrEnded() throws Exception {
    SentTally tally = new SentTally();
    // More threads than slots, all adding at once: some count in a slot another thread owns.
    int count = 100;
    tally.add(7);
    addAtOnce(tally, count);
    assertEquals(count * 10_000 + 1, tally.frames());
    assertEquals(10_000L * count * (count + 1) / 2 + 7, tally.bytes());
    // The sums freed the ended threads' slots, keeping their counts: only this thread's is owned.
    assertEquals(1, tally.owned());
    tally.add(1);
    assertEquals(count * 10_000 + 2, tally.frames());
    assertEquals(10_000L * count * (count + 1) / 2 + 8, tally.bytes());
    // New threads take the freed slots and start from zero there.
    addAtOnce(tally, count);
    assertEquals(2 * count * 10_000 + 2, tally.frames());
    assertEquals(2 * 10_000L * count * (count + 1) / 2 + 8, tally.bytes());
  }

  @Test
  void aScrapeWhileThreadsCountAndEndNeverSeesTheSumShrink() throws Exception {
    SentTally tally = new SentTally();
    Thread counting = new Thread(() -> {
      try {
        for (int round = 0; round < 200; round++) {
          addAtOnce(tally, 8);
        }
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
      }
    });
    counting.start();
    double last = 0;
    while (counting.isAlive()) {
      double now = tally.frames();
      if (now < last) {
        throw new AssertionError("the sum fell from " + last + " to " + now);
      }
      last = now;
    }
    counting.join();
    assertEquals(200 * 8 * 10_000, tally.frames());
  }

  /** Starts {@code count} threads that each add 10,000 frames of their number's size (1 to count), all at once, and waits for them. */
  private static void addAtOnce(SentTally tally, int count) throws InterruptedException {
    CountDownLatch go = new CountDownLatch(1);
    List<Thread> threads = new ArrayList<>();
    for (int t = 0; t < count; t++) {
      int size = t + 1;
      Thread thread = new Thread(() -> {
        try {
          go.await();
        } catch (InterruptedException e) {
          Thread.currentThread().interrupt();
          return;
        }
        for (int i = 0; i < 10_000; i++) {
          tally.add(size);
        }
      });
      thread.start();
      threads.add(thread);
    }
    go.countDown();
    for (Thread thread : threads) {
      thread.join();
    }
  }
}
