package dev.chanx.server.layer;

import java.util.List;

/**
 * What a layer holds of one group's history, read for a client that recovers.
 *
 * @param epoch the history's current epoch
 * @param head the offset of the group's last frame, 0 when none was sent in this epoch
 * @param frames the frames after the position asked for, oldest first, each with its offset;
 *     only those still within the history's window and size, and none when the epoch asked for
 *     is not the current one
 */
public record HistoryRead(String epoch, long head, List<Entry> frames) {

  /**
   * One frame of a history.
   *
   * @param offset its offset
   * @param frame the frame as sent, its position included
   */
  public record Entry(long offset, dev.chanx.core.codec.TextFrame frame) {}

  /**
   * Copies the frames.
   *
   * @param epoch the history's current epoch
   * @param head the offset of the group's last frame
   * @param frames the frames after the position asked for
   */
  public HistoryRead {
    frames = List.copyOf(frames);
  }
}
