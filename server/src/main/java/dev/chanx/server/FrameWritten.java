package dev.chanx.server;

/**
 * Told once per outgoing frame when Jetty wrote it or gave up on it: what an {@link OutgoingFrame}
 * reports to, so that the frame need not know the outbox that counts it.
 */
@FunctionalInterface
public interface FrameWritten {

  /**
   * The frame of {@code length} bytes is done: written, or failed with {@code failure} when not null.
   *
   * @param length the frame's payload length, as it was sent
   * @param failure why the frame was not written, or null when it was
   */
  void done(int length, Throwable failure);
}
