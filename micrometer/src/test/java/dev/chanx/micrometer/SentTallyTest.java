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
    CountDownLatch go = new CountDownLatch(1);
    List<Thread> threads = new ArrayList<>();
    // More threads than slots, all adding at once: some share a slot.
    int count = 100;
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
    tally.add(7);
    go.countDown();
    for (Thread thread : threads) {
      thread.join();
    }
    assertEquals(count * 10_000 + 1, tally.frames());
    assertEquals(10_000L * count * (count + 1) / 2 + 7, tally.bytes());
    tally.add(1);
    assertEquals(count * 10_000 + 2, tally.frames());
    assertEquals(10_000L * count * (count + 1) / 2 + 8, tally.bytes());
  }
}
