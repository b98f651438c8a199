package dev.chanx.gen.fuzz;

import static org.junit.jupiter.api.Assertions.fail;

import java.time.Duration;
import java.util.concurrent.atomic.AtomicReference;

/** Runs a piece of work on its own thread, failing on a hang and passing on whatever it threw. */
final class Bounded {

  /** Work that may throw anything. */
  @FunctionalInterface
  interface Work {
    void run() throws Throwable;
  }

  // Jazzer's coverage instrumentation makes every frame larger: a 1000-level recursion that a
  // plain 1 MiB stack holds may overflow it when fuzzing. Unbounded recursion still overflows.
  private static final long STACK = 4L * 1024 * 1024;

  private Bounded() {}

  /** Runs the work, rethrowing what it threw; fails if it is not done within the limit. */
  static void run(Duration limit, Work work) throws Throwable {
    AtomicReference<Throwable> thrown = new AtomicReference<>();
    Thread thread = new Thread(null, () -> {
      try {
        work.run();
      } catch (Throwable t) {
        thrown.set(t);
      }
    }, "fuzz-bounded", STACK);
    thread.setDaemon(true);
    thread.start();
    thread.join(limit.toMillis());
    if (thread.isAlive()) {
      thread.interrupt();
      fail("no result within " + limit + ": a hang");
    }
    if (thrown.get() != null) {
      throw thrown.get();
    }
  }
}
