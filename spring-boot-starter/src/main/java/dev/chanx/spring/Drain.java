package dev.chanx.spring;

import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.locks.LockSupport;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * One daemon thread that runs the tasks handed to it in order, back to back, and parks only when
 * it has none left; whoever hands one over wakes it only when it is parked. Tomcat's poller hands
 * it some of the events of Chanx sockets when it is too busy to run them all itself
 * ({@link TomcatProtocol}).
 *
 * <p>Why not Tomcat's executor: it wakes a parked pool thread for every task (a {@code futex}
 * call and two context switches per incoming message on the fan-out benchmark) and spreads the
 * events over up to 200 threads. A busy drain takes the next task from its queue with no system
 * call at all, which is when it matters: at saturation.
 */
final class Drain {

  private static final Logger LOG = LoggerFactory.getLogger(Drain.class);

  private final ConcurrentLinkedQueue<Runnable> tasks = new ConcurrentLinkedQueue<>();
  private final Thread thread;
  // Set by the thread before it looks at its queue a last time and parks: whoever hands a task
  // over after that look sees it set (both are volatile accesses, so one of the two sees the other).
  private volatile boolean parked;
  private volatile boolean stopped;
  // Tasks handed over and not yet run (the queue's own size() walks it).
  private final AtomicInteger backlog = new AtomicInteger();

  /** @param name the thread's name */
  Drain(String name) {
    thread = new Thread(this::run, name);
    thread.setDaemon(true);
  }

  /** Starts the thread. */
  void start() {
    thread.start();
  }

  /**
   * Queues a task for the thread, waking it if it is parked.
   *
   * @param task what to run
   * @return false when the drain has stopped, so the caller runs the task some other way
   */
  boolean offer(Runnable task) {
    if (stopped) {
      return false;
    }
    backlog.incrementAndGet();
    tasks.offer(task);
    if (parked) {
      LockSupport.unpark(thread);
    }
    return true;
  }

  /**
   * Stops the thread once it has run what was queued, and waits for it to end.
   *
   * @param timeoutMillis how long to wait at most
   */
  void stop(long timeoutMillis) {
    stopped = true;
    LockSupport.unpark(thread);
    try {
      thread.join(timeoutMillis);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }

  /** {@return how many tasks were handed over and have not finished yet} */
  int backlog() {
    return backlog.get();
  }

  /** {@return the thread, for tests} */
  Thread thread() {
    return thread;
  }

  private void run() {
    while (true) {
      Runnable task = tasks.poll();
      if (task != null) {
        runSafely(task);
        backlog.decrementAndGet();
        continue;
      }
      if (stopped) {
        return;
      }
      parked = true;
      if (tasks.isEmpty() && !stopped) {
        // A bounded park: a wake-up lost to a bug would cost latency, not a stuck socket.
        LockSupport.parkNanos(this, TimeUnit.SECONDS.toNanos(1));
      }
      parked = false;
    }
  }

  private static void runSafely(Runnable task) {
    try {
      task.run();
    } catch (RuntimeException | Error e) {
      // Tomcat's socket processors handle their own failures; this keeps the thread for the next task.
      LOG.warn("A task on {} failed: {}", Thread.currentThread().getName(), e.toString());
    }
  }
}
