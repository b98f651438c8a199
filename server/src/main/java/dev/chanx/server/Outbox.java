package dev.chanx.server;

import dev.chanx.core.codec.TextFrame;
import java.nio.ByteBuffer;
import java.lang.invoke.MethodHandles;
import java.lang.invoke.VarHandle;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Executor;
import java.util.concurrent.TimeUnit;
import org.eclipse.jetty.websocket.api.StatusCode;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The outgoing side of one socket: hands frames to Jetty without blocking the caller, and
 * bounds how many frames and bytes wait there unwritten.
 *
 * <p>The socket's transport holds the queue; a frame counts from the send until the transport
 * reports it written (or failed). A client that stops reading fills the bound and is closed with 1008,
 * so a broadcast to its room never waits for it and its memory never grows past the bound. The
 * frames replayed to a recovering client are queued at once and not counted ({@link #replay}):
 * the history's size bounds them, and the live frames that follow count as ever.
 *
 * <p>The count is one long changed by compare-and-set, so a frame costs one atomic update when it
 * is queued and one when it is written, and no lock: the frames waiting (bits 40-62), their bytes
 * (bits 0-39) and whether the bound was passed (bit 63). Limits past what those bits hold, some
 * eight million frames or a terabyte, count as those.
 */
final class Outbox implements FrameSink, FrameWritten {

  private static final Logger LOG = LoggerFactory.getLogger(Outbox.class);
  // The close frame queues behind frames the client is not reading: the TCP connection is
  // dropped this long after the close.
  private static final Executor ABORT_LATER = CompletableFuture.delayedExecutor(1, TimeUnit.SECONDS);

  private static final int FRAMES_SHIFT = 40;
  private static final long BYTES_MASK = (1L << FRAMES_SHIFT) - 1;
  private static final long ONE_FRAME = 1L << FRAMES_SHIFT;
  private static final long MOST_FRAMES = (1L << (63 - FRAMES_SHIFT)) - 1;
  private static final long OVERFLOWED = Long.MIN_VALUE;
  private static final VarHandle STATE = FieldHandles.of(MethodHandles.lookup(), "state", long.class);
  private static final VarHandle PEAK_FRAMES = FieldHandles.of(MethodHandles.lookup(), "peakFrames", int.class);
  private static final VarHandle PEAK_BYTES = FieldHandles.of(MethodHandles.lookup(), "peakBytes", long.class);
  // A replayed frame is not counted, so its write has nothing to give back.
  private static final FrameWritten UNCOUNTED = (length, failure) -> {
    if (failure != null) {
      LOG.debug("A replayed frame was not sent: {}", failure.toString());
    }
  };

  private final String connectionId;
  private final Socket socket;
  private final int maxFrames;
  private final long maxBytes;
  private final Runnable slowConsumer;
  private volatile long state;
  private volatile int peakFrames;
  private volatile long peakBytes;

  Outbox(String connectionId, Socket socket, Limits limits) {
    this(connectionId, socket, limits, () -> {});
  }

  /** An outbox that runs {@code slowConsumer} when it closes a socket that stopped reading. */
  Outbox(String connectionId, Socket socket, Limits limits, Runnable slowConsumer) {
    this.slowConsumer = slowConsumer;
    this.connectionId = connectionId;
    this.socket = socket;
    this.maxFrames = (int) Math.min(limits.maxQueuedFrames(), MOST_FRAMES);
    this.maxBytes = Math.min(limits.maxQueuedBytes(), BYTES_MASK);
  }

  @Override
  public void send(TextFrame frame) {
    if (!admit(frame.length(), false)) {
      return;
    }
    socket.sendText(frame, this);
  }

  @Override
  public void replay(TextFrame frame) {
    if (!admit(frame.length(), true)) {
      return;
    }
    socket.sendText(frame, UNCOUNTED);
  }

  @Override
  public void sendBinary(ByteBuffer data) {
    if (!admit(data.remaining(), false)) {
      return;
    }
    socket.sendBinary(data, this);
  }

  /** {@return whether a frame may be queued: a replayed one unless the socket is being closed, uncounted} */
  private boolean admit(int length, boolean replayed) {
    long now;
    long frames;
    long bytes;
    while (true) {
      now = state;
      if (now < 0) {
        return false;
      }
      if (replayed) {
        return true;
      }
      frames = now >>> FRAMES_SHIFT;
      bytes = now & BYTES_MASK;
      // One frame always fits an empty queue, so a single large message never closes a reader.
      if (frames == 0 || (frames < maxFrames && bytes + length <= maxBytes)) {
        if (STATE.compareAndSet(this, now, now + ONE_FRAME + length)) {
          peaks((int) frames + 1, bytes + length);
          return true;
        }
      } else if (STATE.compareAndSet(this, now, now | OVERFLOWED)) {
        break;
      }
    }
    LOG.warn("Connection {} {}: {} frames, {} bytes unwritten", connectionId, Violation.NOT_READING.text(),
        frames, bytes);
    slowConsumer.run();
    socket.close(StatusCode.POLICY_VIOLATION, "Not reading: outgoing queue full");
    // The close frame queues behind the frames the client does not read, so it may never be
    // written: abort unconditionally (a no-op on a socket already gone).
    ABORT_LATER.execute(socket::abort);
    return false;
  }

  @Override
  public void done(int length, Throwable failure) {
    // The frame is still counted, so this borrows across no field, and keeps the overflow bit.
    STATE.getAndAdd(this, -(ONE_FRAME + length));
    if (failure != null) {
      LOG.debug("Frame to connection {} not sent: {}", connectionId, failure.toString());
    }
  }

  /** Raises the peaks (for tests); past the first frames this is two reads. */
  private void peaks(int frames, long bytes) {
    int peak = peakFrames;
    while (frames > peak && !PEAK_FRAMES.compareAndSet(this, peak, frames)) {
      peak = peakFrames;
    }
    long peakSize = peakBytes;
    while (bytes > peakSize && !PEAK_BYTES.compareAndSet(this, peakSize, bytes)) {
      peakSize = peakBytes;
    }
  }

  /** The most frames that ever waited at once, for tests. */
  int peakFrames() {
    return peakFrames;
  }

  /** The most bytes that ever waited at once, for tests. */
  long peakBytes() {
    return peakBytes;
  }

  /** The frames waiting now, for tests and gauges. */
  int queuedFrames() {
    return (int) ((state & ~OVERFLOWED) >>> FRAMES_SHIFT);
  }

  /** The bytes waiting now, for gauges. */
  long queuedBytes() {
    return state & BYTES_MASK;
  }
}
