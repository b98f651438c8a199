package dev.chanx.server;

/**
 * Told once per outgoing frame when Jetty wrote it or gave up on it: what an {@link OutgoingFrame}
 * reports to, so that the frame need not know the outbox that counts it.
 */
@FunctionalInterface
interface FrameWritten {

  /** The frame of {@code length} bytes is done: written, or failed with {@code failure} when not null. */
  void done(int length, Throwable failure);
}
