package dev.chanx.server.layer;

import dev.chanx.core.codec.TextFrame;

/**
 * The frame a layer sends a group's members when the group's history changed epoch while they
 * were connected (it was lost, as when a Redis without persistence restarts, or reset because
 * frames could not be kept): frames may be missing before the next one, and the client is told
 * so rather than left with a silent gap. The same {@code recovery} frame a client gets after
 * connecting, with status {@code failed}.
 */
public final class RecoveryNotice {

  private RecoveryNotice() {}

  /**
   * {@return the frame telling that a group's frames before {@code position} may be missing}
   *
   * @param group the group's name on the wire
   * @param position where the new epoch starts: the next frame is after it
   */
  public static TextFrame epochChanged(String group, Position position) {
    return TextFrame.of("{\"action\":\"recovery\",\"payload\":{" + FramePositions.quoted(group)
        + ":{\"status\":\"failed\",\"reason\":\"epoch_changed\",\"epoch\":" + FramePositions.quoted(position.epoch())
        + ",\"offset\":" + position.offset() + "}}}");
  }
}
