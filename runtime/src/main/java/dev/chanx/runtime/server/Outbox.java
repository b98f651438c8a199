package dev.chanx.runtime.server;

import dev.chanx.runtime.layer.TextFrame;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Executor;
import java.util.concurrent.TimeUnit;
import org.eclipse.jetty.util.Callback;
import org.eclipse.jetty.websocket.api.StatusCode;
import org.eclipse.jetty.websocket.core.CoreSession;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The outgoing side of one socket: hands frames to Jetty without blocking the caller, and
 * bounds how many frames and bytes wait there unwritten.
 *
 * <p>Jetty's flusher holds the queue; a frame counts from the send until Jetty reports it
 * written (or failed). A client that stops reading fills the bound and is closed with 1008,
 * so a broadcast to its room never waits for it and its memory never grows past the bound.
 */
final class Outbox implements FrameSink {

  private static final Logger LOG = LoggerFactory.getLogger(Outbox.class);
  // The close frame queues behind frames the client is not reading: the TCP connection is
  // dropped this long after the close.
  private static final Executor ABORT_LATER = CompletableFuture.delayedExecutor(1, TimeUnit.SECONDS);

  private final String connectionId;
  private final CoreSession core;
  private final int maxFrames;
  private final long maxBytes;
  private int frames;
  private long bytes;
  private int peakFrames;
  private long peakBytes;
  private boolean overflowed;

  Outbox(String connectionId, CoreSession core, Limits limits) {
    this.connectionId = connectionId;
    this.core = core;
    this.maxFrames = limits.maxQueuedFrames();
    this.maxBytes = limits.maxQueuedBytes();
  }

  @Override
  public void send(TextFrame frame) {
    if (!admit(frame.length())) {
      return;
    }
    OutgoingFrame out = new OutgoingFrame(this, frame);
    core.sendFrame(out, out, false);
  }

  private boolean admit(int length) {
    int queuedFrames;
    long queuedBytes;
    synchronized (this) {
      if (overflowed) {
        return false;
      }
      // One frame always fits an empty queue, so a single large message never closes a reader.
      if (frames == 0 || (frames < maxFrames && bytes + length <= maxBytes)) {
        frames++;
        bytes += length;
        peakFrames = Math.max(peakFrames, frames);
        peakBytes = Math.max(peakBytes, bytes);
        return true;
      }
      overflowed = true;
      queuedFrames = frames;
      queuedBytes = bytes;
    }
    LOG.warn("Connection {} {}: {} frames, {} bytes unwritten", connectionId, Violation.NOT_READING.text(),
        queuedFrames, queuedBytes);
    core.close(StatusCode.POLICY_VIOLATION, "Not reading: outgoing queue full", Callback.NOOP);
    // Jetty marks the session closed at once, but reports the close only once the close frame
    // is written, which it never is if the client does not read: abort unconditionally (a no-op
    // on a socket already gone).
    ABORT_LATER.execute(core::abort);
    return false;
  }

  /** Called once per sent frame when Jetty wrote it or gave up on it. */
  void done(int length, Throwable failure) {
    synchronized (this) {
      frames--;
      bytes -= length;
    }
    if (failure != null) {
      LOG.debug("Frame to connection {} not sent: {}", connectionId, failure.toString());
    }
  }

  /** The most frames that ever waited at once, for tests. */
  synchronized int peakFrames() {
    return peakFrames;
  }

  /** The most bytes that ever waited at once, for tests. */
  synchronized long peakBytes() {
    return peakBytes;
  }

  /** The frames waiting now, for tests. */
  synchronized int queuedFrames() {
    return frames;
  }
}
