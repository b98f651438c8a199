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

  /** Checks that neither delay is negative, the first is not over the longest, and attempts are not negative. */
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

  /** Never reconnect: a lost connection stays lost. The default. */
  public static Reconnect never() {
    return NEVER;
  }

  /** Reconnect without limit, waiting from {@code initialDelay} doubling up to {@code maxDelay}. */
  public static Reconnect withBackoff(Duration initialDelay, Duration maxDelay) {
    return new Reconnect(initialDelay, maxDelay, Integer.MAX_VALUE);
  }

  /** The same policy, giving up after {@code attempts} failed attempts in a row. */
  public Reconnect upTo(int attempts) {
    return new Reconnect(initialDelay, maxDelay, attempts);
  }

  /** Whether a connection closed by the server with this status code is reconnected. */
  public boolean after(int statusCode) {
    return maxAttempts > 0 && statusCode != 1000 && statusCode != 1008;
  }

  /** The delay before attempt {@code attempt} (1 for the first), jitter included. */
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
