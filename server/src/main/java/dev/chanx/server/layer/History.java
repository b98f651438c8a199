package dev.chanx.server.layer;

import java.time.Duration;
import java.util.Objects;

/**
 * How much of a group's recent frames a layer keeps so that a client who lost its connection can
 * be sent what it missed: frames younger than {@code window}, at most {@code size} of them.
 *
 * @param window how long a frame stays recoverable, such as two minutes
 * @param size how many frames a group keeps at most, such as 1000
 */
public record History(Duration window, int size) {

  /**
   * Checks that the window is positive and the size is between 1 and 1,000,000.
   *
   * @param window how long a frame stays recoverable
   * @param size how many frames a group keeps at most
   * @throws IllegalArgumentException when either is out of range
   */
  public History {
    Objects.requireNonNull(window, "window");
    if (window.isNegative() || window.isZero()) {
      throw new IllegalArgumentException("a recovery window must be positive: " + window);
    }
    if (size < 1 || size > 1_000_000) {
      throw new IllegalArgumentException("a recovery size must be between 1 and 1000000: " + size);
    }
  }
}
