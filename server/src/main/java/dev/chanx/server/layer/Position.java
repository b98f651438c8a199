package dev.chanx.server.layer;

import java.util.Objects;

/**
 * Where a frame sits in a group's history: its offset (1 for the group's first frame) within an
 * epoch, which changes whenever the history is lost, so that an old offset is never taken for a new one.
 *
 * @param epoch the history's epoch, an opaque string
 * @param offset the frame's offset, from 1; 0 for "before the first frame"
 */
public record Position(String epoch, long offset) {

  /**
   * Checks the epoch is not empty and the offset not negative.
   *
   * @param epoch the history's epoch
   * @param offset the frame's offset
   * @throws IllegalArgumentException when either is out of range
   */
  public Position {
    Objects.requireNonNull(epoch, "epoch");
    if (epoch.isEmpty() || offset < 0) {
      throw new IllegalArgumentException("not a position: " + epoch + "/" + offset);
    }
  }
}
