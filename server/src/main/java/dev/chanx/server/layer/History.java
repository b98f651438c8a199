package dev.chanx.server.layer;

import java.time.Duration;
import java.util.Objects;

/**
 * How much of a group's recent frames a layer keeps so that a client who lost its connection can
 * be sent what it missed: frames younger than {@code window}, at most {@code size} of them.
 *
 * <p>With {@code direct}, the frames a connection is sent on its own ({@code connection.send})
 * are recoverable too: each connection reads them from its stream, a group of its own named by the
 * server ({@code ~} and a random token, see {@code ConnectionStream}) that the client resumes by
 * presenting its position there, as it does for any group.
 *
 * @param window how long a frame stays recoverable, such as two minutes
 * @param size how many frames a group keeps at most, such as 1000
 * @param direct whether the frames sent to one connection are recoverable too
 */
public record History(Duration window, int size, boolean direct) {

  /**
   * A history of group sends only: the frames sent to one connection are not kept.
   *
   * @param window how long a frame stays recoverable
   * @param size how many frames a group keeps at most
   * @throws IllegalArgumentException when either is out of range
   */
  public History(Duration window, int size) {
    this(window, size, false);
  }

  /**
   * Checks that the window is positive and the size is between 1 and 1,000,000.
   *
   * @param window how long a frame stays recoverable
   * @param size how many frames a group keeps at most
   * @param direct whether the frames sent to one connection are recoverable too
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
