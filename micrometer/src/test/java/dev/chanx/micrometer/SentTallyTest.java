package dev.chanx.micrometer;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import org.junit.jupiter.api.Test;

class SentTallyTest {

  @Test
  void sumsWhatEveryThreadCountedIncludingThreadsThatEnded() throws Exception {
    SentTally tally = new SentTally();
    CountDownLatch go = new CountDownLatch(1);
    List<Thread> threads = new ArrayList<>();
    for (int t = 0; t < 4; t++) {
      int size = t + 1;
      Thread thread = new Thread(() -> {
        try {
          go.await();
        } catch (InterruptedException e) {
          Thread.currentThread().interrupt();
          return;
        }
        for (int i = 0; i < 100_000; i++) {
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
    assertEquals(400_001, tally.frames());
    assertEquals(100_000 * (1 + 2 + 3 + 4) + 7, tally.bytes());
    // The four threads ended: their counts were folded into the totals and their cells dropped.
    assertEquals(1, tally.cells());
    assertEquals(400_001, tally.frames());
    tally.add(1);
    assertEquals(400_002, tally.frames());
    assertEquals(100_000 * (1 + 2 + 3 + 4) + 8, tally.bytes());
  }
}
