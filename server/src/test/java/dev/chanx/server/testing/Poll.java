package dev.chanx.server.testing;

import static org.junit.jupiter.api.Assertions.fail;

import java.time.Duration;
import java.util.function.BooleanSupplier;
import java.util.function.Predicate;

/**
 * Bounded polling for conditions that no event announces, such as a count Redis keeps, a
 * layer's members or a browser page's text: the one poll-until loop of the tests, shared through
 * the test-jar. Each check runs at least once; checks are 20 ms apart.
 */
public final class Poll {

  private static final long PAUSE_MILLIS = 20;

  /** A value to read again until it is the one wanted; it may block or do I/O. */
  @FunctionalInterface
  public interface Probe<T> {
    /** {@return the value as it is now} */
    T read() throws Exception;
  }

  private Poll() {}

  /** Waits until the condition holds; fails the test after {@code max}. */
  public static void until(Duration max, String what, BooleanSupplier condition) throws InterruptedException {
    Reading<Boolean> last;
    try {
      last = read(max, condition::getAsBoolean, Boolean.TRUE::equals);
    } catch (InterruptedException | RuntimeException e) {
      throw e;
    } catch (Exception e) {
      throw new IllegalStateException("a BooleanSupplier threw a checked exception", e);
    }
    if (!last.met()) {
      fail("not within " + max + ": " + what);
    }
  }

  /**
   * Reads {@code probe} until its value satisfies {@code condition}, and returns that value;
   * fails the test after {@code max}, saying what the last value was.
   */
  public static <T> T until(Duration max, String what, Probe<T> probe, Predicate<? super T> condition)
      throws Exception {
    Reading<T> last = read(max, probe, condition);
    if (!last.met()) {
      fail("not within " + max + ": " + what + "; the last value was: " + last.value());
    }
    return last.value();
  }

  /** {@return whether the condition held within {@code max}}, for a test that goes on either way */
  public static boolean within(Duration max, Probe<Boolean> condition) throws Exception {
    return read(max, condition, Boolean.TRUE::equals).met();
  }

  private static <T> Reading<T> read(Duration max, Probe<T> probe, Predicate<? super T> condition) throws Exception {
    long deadline = System.nanoTime() + max.toNanos();
    while (true) {
      T value = probe.read();
      if (condition.test(value)) {
        return new Reading<>(value, true);
      }
      if (System.nanoTime() - deadline > 0) {
        return new Reading<>(value, false);
      }
      Thread.sleep(PAUSE_MILLIS);
    }
  }

  /** The last value read, and whether it was the one wanted. */
  private record Reading<T>(T value, boolean met) {}
}
