package dev.chanx.micrometer;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import org.junit.jupiter.api.Test;

class TallyTest {

  @Test
  void sumsWhatEveryThreadCountedIncludingThreadsThatEnded() throws Exception {
    Tally tally = new Tally(2);
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
          tally.add(1, size);
        }
      });
      thread.start();
      threads.add(thread);
    }
    tally.add(1, 7);
    go.countDown();
    for (Thread thread : threads) {
      thread.join();
    }
    assertEquals(400_001, tally.sum(0));
    assertEquals(100_000 * (1 + 2 + 3 + 4) + 7, tally.sum(1));
    // The four threads ended: their counts were folded into the totals and their cells dropped.
    assertEquals(1, tally.cells());
    assertEquals(400_001, tally.sum(0));
    tally.add(1, 1);
    assertEquals(400_002, tally.sum(0));
    assertEquals(100_000 * (1 + 2 + 3 + 4) + 8, tally.sum(1));
  }

  @Test
  void keepsThreeCountsApartAcrossThreads() throws Exception {
    Tally tally = new Tally(3);
    Thread other = new Thread(() -> tally.add(1, 250, 19));
    other.start();
    other.join();
    tally.add(1, 100, 0);
    tally.add(1, 50, 4);
    assertEquals(3, tally.sum(0));
    assertEquals(400, tally.sum(1));
    assertEquals(23, tally.sum(2));
  }

  @Test
  void refusesAWidthItCannotAddTo() {
    IllegalArgumentException refused = assertThrows(IllegalArgumentException.class, () -> new Tally(4));
    assertEquals("a tally keeps 2 or 3 counts, not 4", refused.getMessage());
  }
}
