package dev.chanx.server;

import dev.chanx.core.codec.TextFrame;
import java.nio.ByteBuffer;

/** Where a connection's outgoing frames go: its socket's outbox, or a test's list. */
@FunctionalInterface
interface FrameSink {

  /** Takes a frame for the client without blocking; never throws. */
  void send(TextFrame frame);

  /**
   * Takes binary data for the client, sent in one binary frame, without blocking; a sink that
   * takes text only (a test's) refuses it.
   */
  default void sendBinary(ByteBuffer data) {
    throw new UnsupportedOperationException("this sink takes text frames only");
  }
}
