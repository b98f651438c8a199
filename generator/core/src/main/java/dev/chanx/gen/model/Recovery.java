package dev.chanx.gen.model;

import java.time.Duration;

/**
 * A channel's recoverable group sends, from {@code x-chanx: {recovery: {window, size}}}: each
 * group keeps its frames younger than {@code window}, at most {@code size} of them, for clients
 * that reconnect.
 *
 * @param window how long a frame stays recoverable (an ISO-8601 duration in the document, such as {@code PT2M})
 * @param size how many frames a group keeps at most
 * @param direct whether the frames sent to one connection are recoverable too ({@code direct: true}):
 *     each connection then reads them from a stream of its own
 */
public record Recovery(Duration window, int size, boolean direct) {

  /**
   * A recovery of group sends only.
   *
   * @param window how long a frame stays recoverable
   * @param size how many frames a group keeps at most
   */
  public Recovery(Duration window, int size) {
    this(window, size, false);
  }
}
