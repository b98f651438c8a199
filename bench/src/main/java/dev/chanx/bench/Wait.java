package dev.chanx.bench;

import java.util.function.BooleanSupplier;

/** Bounded polling for set-up conditions, such as every client having joined. */
final class Wait {

  private static final long LIMIT_MILLIS = 20_000;

  private Wait() {}

  static void until(String what, BooleanSupplier condition) throws InterruptedException {
    long deadline = System.currentTimeMillis() + LIMIT_MILLIS;
    while (!condition.getAsBoolean()) {
      if (System.currentTimeMillis() > deadline) {
        throw new IllegalStateException("not within " + LIMIT_MILLIS + " ms: " + what);
      }
      Thread.sleep(20);
    }
  }
}
