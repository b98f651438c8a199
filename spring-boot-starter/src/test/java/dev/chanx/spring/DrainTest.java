package dev.chanx.spring;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** The thread that runs the poller's overflow: order, wake-up from parked, stop. */
class DrainTest {

  private final Drain drain = new Drain("chanx-tomcat-drain-test");

  @AfterEach
  void stop() {
    drain.stop(5_000);
  }

  @Test
  void runsTasksInTheOrderTheyCameOnItsOwnThread() throws Exception {
    drain.start();
    List<Integer> ran = Collections.synchronizedList(new ArrayList<>());
    List<String> threads = Collections.synchronizedList(new ArrayList<>());
    CountDownLatch done = new CountDownLatch(10_000);
    for (int i = 0; i < 10_000; i++) {
      int n = i;
      assertTrue(drain.offer(() -> {
        ran.add(n);
        threads.add(Thread.currentThread().getName());
        done.countDown();
      }));
    }
    assertTrue(done.await(10, TimeUnit.SECONDS));
    for (int i = 0; i < 10_000; i++) {
      assertEquals(i, ran.get(i));
    }
    assertEquals(List.of("chanx-tomcat-drain-test"), threads.stream().distinct().toList());
  }

  @Test
  void aParkedDrainWakesForTheNextTask() throws Exception {
    drain.start();
    // Its fallback park ends after 1 s: five wake-ups lost would take about five seconds.
    long start = System.nanoTime();
    for (int i = 0; i < 5; i++) {
      awaitParked();
      CountDownLatch ran = new CountDownLatch(1);
      drain.offer(ran::countDown);
      assertTrue(ran.await(10, TimeUnit.SECONDS));
    }
    long millis = TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - start);
    assertTrue(millis < 2_500, "five wake-ups took " + millis + " ms");
  }

  @Test
  void itsBacklogCountsTasksUntilTheyFinish() throws Exception {
    drain.start();
    CountDownLatch gate = new CountDownLatch(1);
    CountDownLatch last = new CountDownLatch(1);
    drain.offer(() -> {
      try {
        gate.await();
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
      }
    });
    drain.offer(() -> {});
    drain.offer(last::countDown);
    assertEquals(3, drain.backlog());
    gate.countDown();
    assertTrue(last.await(10, TimeUnit.SECONDS));
    long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(10);
    while (drain.backlog() != 0 && System.nanoTime() < deadline) {
      Thread.sleep(1);
    }
    assertEquals(0, drain.backlog());
  }

  @Test
  void aFailingTaskLeavesTheThreadForTheNext() throws Exception {
    drain.start();
    CountDownLatch ran = new CountDownLatch(1);
    drain.offer(() -> {
      throw new IllegalStateException("expected by the test");
    });
    drain.offer(ran::countDown);
    assertTrue(ran.await(10, TimeUnit.SECONDS));
  }

  @Test
  void stopRunsWhatWasQueuedEndsTheThreadAndRefusesMore() throws Exception {
    CountDownLatch ran = new CountDownLatch(3);
    // Queued before the thread starts, so all three wait when stop comes.
    for (int i = 0; i < 3; i++) {
      assertTrue(drain.offer(ran::countDown));
    }
    drain.start();
    drain.stop(5_000);
    assertEquals(0, ran.getCount());
    assertFalse(drain.thread().isAlive());
    assertFalse(drain.offer(() -> {}));
  }

  @Test
  void aParkedDrainStops() throws Exception {
    drain.start();
    awaitParked();
    long start = System.nanoTime();
    drain.stop(5_000);
    assertFalse(drain.thread().isAlive());
    long millis = TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - start);
    // Woken by stop, not by the end of its fallback park.
    assertTrue(millis < 500, "stop took " + millis + " ms");
  }

  private void awaitParked() throws InterruptedException {
    long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(10);
    while (drain.thread().getState() != Thread.State.TIMED_WAITING) {
      assertTrue(System.nanoTime() < deadline, "the drain never parked");
      Thread.sleep(1);
    }
  }
}
