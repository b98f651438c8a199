package dev.chanx.server;

import dev.chanx.core.codec.TextFrame;

/** Where a connection's outgoing frames go: its socket's outbox, or a test's list. */
@FunctionalInterface
interface FrameSink {

  /** Takes a frame for the client without blocking; never throws. */
  void send(TextFrame frame);
}
