package dev.chanx.server.testing;

import static org.junit.jupiter.api.Assertions.fail;

import java.time.Duration;
import java.util.function.BooleanSupplier;

/**
 * Bounded polling for conditions that no event announces, such as a count Redis keeps or a
 * layer's members: the one poll-until loop of the tests, shared through the test-jar.
 */
public final class Poll {

  private Poll() {}

  /** Waits until the condition holds, checking every 20 ms; fails the test after {@code max}. */
  public static void until(Duration max, String what, BooleanSupplier condition) throws InterruptedException {
    long deadline = System.nanoTime() + max.toNanos();
    while (!condition.getAsBoolean()) {
      if (System.nanoTime() - deadline > 0) {
        fail("not within " + max + ": " + what);
      }
      Thread.sleep(20);
    }
  }
}
