package dev.chanx.runtime.client;

import java.time.Duration;
import java.util.Objects;
import java.util.concurrent.ThreadLocalRandom;

/**
 * When a client connects again after losing its connection: never, or after a delay that doubles
 * from {@code initialDelay} up to {@code maxDelay}, for at most {@code maxAttempts} attempts in a
 * row. Each delay is drawn between half and all of that value, so that the clients of a restarted
 * server do not all come back at once.
 *
 * <p>A close the client asked for never reconnects, and neither does a normal closure (1000) or a
 * policy violation (1008) from the server: the server meant them.
 *
 * @param initialDelay the delay before the first attempt
 * @param maxDelay the longest delay between attempts
 * @param maxAttempts how many failed attempts in a row to make before giving up; 0 means never
 */
public record Reconnect(Duration initialDelay, Duration maxDelay, int maxAttempts) {

  private static final Reconnect NEVER = new Reconnect(Duration.ZERO, Duration.ZERO, 0);

  /**
   * Checks that neither delay is negative, the first is not over the longest, and attempts are not negative.
   *
   * @param initialDelay the delay before the first attempt, not negative
   * @param maxDelay the longest delay between attempts, at least {@code initialDelay}
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
   * Never reconnect: a lost connection stays lost. The default.
   *
   * @return the policy that never reconnects
   */
  public static Reconnect never() {
    return NEVER;
  }

  /**
   * Reconnect without limit, waiting from {@code initialDelay} doubling up to {@code maxDelay}.
   *
   * @param initialDelay the delay before the first attempt
   * @param maxDelay the longest delay between attempts
   * @return a policy with exponential backoff and no limit on attempts
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
   * Whether a connection closed by the server with this status code is reconnected.
   *
   * @param statusCode the close status code
   * @return true if this policy makes attempts and the code is neither 1000 nor 1008
   */
  public boolean after(int statusCode) {
    return maxAttempts > 0 && statusCode != 1000 && statusCode != 1008;
  }

  /**
   * The delay before attempt {@code attempt} (1 for the first), jitter included.
   *
   * @param attempt the attempt's number in a row, 1 for the first
   * @return a delay between half and all of the backed-off delay
   */
  public Duration delay(int attempt) {
    long initial = initialDelay.toNanos();
    long max = maxDelay.toNanos();
    long full = initial;
    for (int i = 1; i < attempt && full < max; i++) {
      full = full > max / 2 ? max : full * 2;
    }
    full = Math.min(full, max);
    return Duration.ofNanos(full / 2 + ThreadLocalRandom.current().nextLong(full / 2 + 1));
  }
}
