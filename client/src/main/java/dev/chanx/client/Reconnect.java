package dev.chanx.client;

import java.time.Duration;
import java.util.Objects;
import java.util.concurrent.ThreadLocalRandom;
import java.util.random.RandomGenerator;

/**
 * When a client connects again: never, or after a delay drawn with full jitter, anywhere between
 * zero and a ceiling that doubles from {@code initialDelay} up to {@code maxDelay}, for at most
 * {@code maxAttempts} failed attempts in a row. The first connect is retried the same way. Full
 * jitter spreads the clients of a restarted server over the whole window instead of bringing
 * them back in waves.
 *
 * <p>Some closes are not retried, since trying again would get the same answer: a close the client
 * asked for, a normal closure (1000), protocol errors (1002, 1003, 1007), a policy violation
 * (1008) and the application's codes (4000-4999, such as an authentication refused). A refused
 * upgrade counts as its HTTP status does: 4xx as 4000 plus the status (401 as 4401), 429 and 503 as
 * 1013, other 5xx as 1011. Service restart (1012) is retried as any other close; try again later
 * (1013) is retried after a longer delay, between half of {@code maxDelay} and all of it.
 *
 * @param initialDelay the ceiling of the first delay
 * @param maxDelay the largest ceiling
 * @param maxAttempts how many failed attempts in a row to make before giving up; 0 means never
 */
public record Reconnect(Duration initialDelay, Duration maxDelay, int maxAttempts) {

  /** The close code of a server that asks to be tried again later. */
  static final int TRY_AGAIN_LATER = 1013;

  private static final Reconnect NEVER = new Reconnect(Duration.ZERO, Duration.ZERO, 0);

  /**
   * Checks that neither delay is negative, the first is not over the longest, and attempts are not negative.
   *
   * @param initialDelay the ceiling of the first delay, not negative
   * @param maxDelay the largest ceiling, at least {@code initialDelay}
   * @param maxAttempts how many failed attempts in a row to make before giving up, not negative
   * @throws IllegalArgumentException if a delay is negative, {@code initialDelay} exceeds {@code maxDelay},
   *     or {@code maxAttempts} is negative
   */
  public Reconnect {
    Objects.requireNonNull(initialDelay, "initialDelay");
    Objects.requireNonNull(maxDelay, "maxDelay");
    if (initialDelay.isNegative() || maxDelay.compareTo(initialDelay) < 0) {
      throw new IllegalArgumentException("need 0 <= initialDelay <= maxDelay, not " + initialDelay + " and " + maxDelay);
    }
    if (maxAttempts < 0) {
      throw new IllegalArgumentException("maxAttempts must not be negative: " + maxAttempts);
    }
  }

  /**
   * Never reconnect: a connection that fails or is lost stays lost. The default.
   *
   * @return the policy that never reconnects
   */
  public static Reconnect never() {
    return NEVER;
  }

  /**
   * Reconnect without limit, the ceiling of each delay doubling from {@code initialDelay} up to {@code maxDelay}.
   *
   * @param initialDelay the ceiling of the first delay, such as 250 ms
   * @param maxDelay the largest ceiling, such as 30 s
   * @return a policy with exponential backoff, full jitter and no limit on attempts
   * @throws IllegalArgumentException if a delay is negative or {@code initialDelay} exceeds {@code maxDelay}
   */
  public static Reconnect withBackoff(Duration initialDelay, Duration maxDelay) {
    return new Reconnect(initialDelay, maxDelay, Integer.MAX_VALUE);
  }

  /**
   * The same policy, giving up after {@code attempts} failed attempts in a row.
   *
   * @param attempts how many failed attempts in a row to make, not negative
   * @return a policy with the same delays and at most {@code attempts} attempts
   * @throws IllegalArgumentException if {@code attempts} is negative
   */
  public Reconnect upTo(int attempts) {
    return new Reconnect(initialDelay, maxDelay, attempts);
  }

  /**
   * Whether a connection closed by the server with this status code (or an attempt refused as it) is tried again.
   *
   * @param statusCode the close status code
   * @return true if this policy makes attempts and the code does not forbid them
   */
  public boolean after(int statusCode) {
    return maxAttempts > 0 && !forbidsRetry(statusCode);
  }

  /**
   * The delay before attempt {@code attempt} (1 for the first) after an ordinary failure, jitter included.
   *
   * @param attempt the attempt's number in a row, 1 for the first
   * @return a delay between zero and the backed-off ceiling
   */
  public Duration delay(int attempt) {
    return delay(attempt, 1006, ThreadLocalRandom.current());
  }

  /**
   * The delay before attempt {@code attempt} (1 for the first) after a close with {@code statusCode}.
   *
   * @param attempt the attempt's number in a row, 1 for the first
   * @param statusCode the close code that ended the last connection or attempt (1006 when none came)
   * @param random where the jitter comes from
   * @return between zero and the ceiling, or between half of {@code maxDelay} and all of it after a 1013
   */
  public Duration delay(int attempt, int statusCode, RandomGenerator random) {
    if (statusCode == TRY_AGAIN_LATER) {
      long max = maxDelay.toNanos();
      return Duration.ofNanos(max - random.nextLong(max / 2 + 1));
    }
    return Duration.ofNanos(random.nextLong(ceiling(attempt) + 1));
  }

  /** The ceiling of attempt {@code attempt}'s delay: {@code initialDelay} doubled per attempt before it, up to {@code maxDelay}. */
  long ceiling(int attempt) {
    long max = maxDelay.toNanos();
    long ceiling = initialDelay.toNanos();
    // A zero initial delay never grows: stop there rather than count up to the attempt.
    for (int i = 1; i < attempt && ceiling > 0 && ceiling < max; i++) {
      ceiling = ceiling > max / 2 ? max : ceiling * 2;
    }
    return Math.min(ceiling, max);
  }

  // Codes that say the same request would get the same answer.
  private static boolean forbidsRetry(int statusCode) {
    return switch (statusCode) {
      case 1000, 1002, 1003, 1007, 1008 -> true;
      default -> statusCode >= 4000 && statusCode <= 4999;
    };
  }
}
