package dev.chanx.server;

import dev.chanx.core.codec.TextFrame;
import java.nio.ByteBuffer;

/** Where a connection's outgoing frames go: its socket's outbox, or a test's list. */
@FunctionalInterface
interface FrameSink {

  /** Takes a frame for the client without blocking; never throws. */
  void send(TextFrame frame);

  /**
   * Takes a frame replayed to a recovering client, as {@link #send} but not counted against the
   * socket's queue bound: a replay is queued at once and is bounded by the history's size, and the
   * live frames after it are counted as ever, so a client that stops reading is still closed.
   */
  default void replay(TextFrame frame) {
    send(frame);
  }

  /**
   * Takes binary data for the client, sent in one binary frame, without blocking; a sink that
   * takes text only (a test's) refuses it.
   */
  default void sendBinary(ByteBuffer data) {
    throw new UnsupportedOperationException("this sink takes text frames only");
  }
}
