package dev.chanx.server;

import dev.chanx.core.codec.ServerFrames;
import dev.chanx.core.codec.TextFrame;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.ClosedChannelException;
import java.util.ArrayDeque;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicBoolean;
import org.eclipse.jetty.io.AbstractConnection;
import org.eclipse.jetty.io.ByteBufferPool;
import org.eclipse.jetty.io.Connection;
import org.eclipse.jetty.io.EndPoint;
import org.eclipse.jetty.io.RetainableByteBuffer;
import org.eclipse.jetty.util.Callback;
import org.eclipse.jetty.util.thread.Invocable.InvocationType;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The default transport: RFC 6455 on Jetty's connection API, taking over the TCP connection after
 * the HTTP upgrade ({@link LeanUpgrade}).
 *
 * <p>Why not Jetty's WebSocket layers: a broadcast's frame is the same bytes for every recipient
 * (no compression is negotiated here), so its header and payload are encoded once
 * ({@link TextFrame#serverFrame()}) and each send writes a view of them straight to the socket on
 * the calling thread, with no frame object, extension stack, flusher or callback per recipient.
 * Frames queued while a write is in progress go out together in one gathering write.
 *
 * <p>Reading follows Jetty's model by default: a readable socket is handled on a pool thread, so a
 * handler that blocks holds up only its own socket. When the server is promised that no handler
 * blocks ({@link ServerConfig#nonBlockingHandlers}), it runs on the selector thread that found the
 * socket readable, as Node's event loop does: no hand-off, no wake-up of another thread per
 * message. Either way a socket's frames are handled one at a time, in arrival order.
 */
final class LeanSocket extends AbstractConnection implements Socket, Connection.UpgradeTo, InboundFrames.Sink {

  private static final Logger LOG = LoggerFactory.getLogger(LeanSocket.class);
  private static final int READ_BUFFER = 4096;
  private static final ByteBuffer PING = ByteBuffer.wrap(new byte[] {(byte) 0x89, 0}).asReadOnlyBuffer();
  private static final FrameWritten IGNORED = (length, failure) -> { };
  private static final int ABNORMAL = 1006;

  private final SocketEvents events;
  private final ByteBufferPool pool;
  private final long idleTimeoutMillis;
  private final Callback readable;
  private final InboundFrames inbound;
  // Holds bytes only while a frame is incomplete, so an idle socket keeps no buffer.
  private RetainableByteBuffer input;
  private final AtomicBoolean reported = new AtomicBoolean();

  // Output, under this object's lock: frames waiting while another thread writes, whether a
  // thread writes (or Jetty holds an unfinished write), and whether a close frame was queued.
  private ArrayDeque<Pending> queue;
  private boolean writing;
  private boolean outputClosed;
  private Pending[] inFlight;
  private final Callback writeDone = new WriteDone();

  // What the close handshake settled: the code and reason to report, and who closed first.
  private int closeCode = ABNORMAL;
  private String closeReason = "Disconnected";
  private volatile boolean closeReceived;
  private boolean closeStarted;

  LeanSocket(EndPoint endPoint, java.util.concurrent.Executor executor, ByteBufferPool pool, SocketEvents events,
      int maxText, int maxBinary, long idleTimeoutMillis, boolean handOff) {
    super(endPoint, executor);
    this.readable = new Readable(handOff ? InvocationType.BLOCKING : InvocationType.NON_BLOCKING);
    this.events = events;
    this.pool = pool;
    this.idleTimeoutMillis = idleTimeoutMillis;
    this.inbound = new InboundFrames(this, maxText, maxBinary);
  }

  @Override
  public void onUpgradeTo(ByteBuffer prefilled) {
    // Frames the client sent right behind its upgrade request, already read by the HTTP parser.
    if (prefilled != null && prefilled.hasRemaining()) {
      input = pool.acquire(Math.max(READ_BUFFER, prefilled.remaining()), false);
      ByteBuffer buffer = input.getByteBuffer();
      buffer.clear();
      buffer.put(prefilled).flip();
    }
  }

  @Override
  public void onOpen() {
    super.onOpen();
    getEndPoint().setIdleTimeout(idleTimeoutMillis);
    events.opened(this);
    if (input != null) {
      onFillable();
    } else {
      awaitReadable();
    }
  }

  // ---- reading

  /** Asks the selector to call {@link #onFillable} when the socket has bytes, on the thread its kind allows. */
  private void awaitReadable() {
    getEndPoint().fillInterested(readable);
  }

  /** Reads and handles what the socket has, then waits for the selector again. */
  @Override
  public void onFillable() {
    try {
      while (true) {
        if (input != null && input.hasRemaining()) {
          inbound.read(input.getByteBuffer());
          if (closeReceived) {
            return;
          }
        }
        if (input == null) {
          input = pool.acquire(READ_BUFFER, false);
          input.getByteBuffer().clear().flip();
        }
        ByteBuffer buffer = input.getByteBuffer();
        int room = buffer.capacity() - buffer.remaining();
        int filled = getEndPoint().fill(buffer);
        if (filled < 0) {
          // The peer closed TCP; without a close frame the close is abnormal (1006).
          getEndPoint().close();
          return;
        }
        if (filled == 0) {
          releaseEmptyInput();
          awaitReadable();
          return;
        }
        inbound.read(buffer);
        if (closeReceived) {
          return;
        }
        if (filled < room) {
          // The socket had less than the buffer took, so it is most likely drained: wait for the
          // selector rather than pay a read that returns nothing.
          releaseEmptyInput();
          awaitReadable();
          return;
        }
      }
    } catch (InboundFrames.Breach breach) {
      releaseInput();
      fail(breach.code, breach.getMessage(), breach);
    } catch (IOException | RuntimeException e) {
      releaseInput();
      events.failed(e);
      getEndPoint().close(e);
    }
  }

  private void releaseEmptyInput() {
    if (input != null && !input.hasRemaining()) {
      releaseInput();
    }
  }

  private void releaseInput() {
    if (input != null) {
      input.release();
      input = null;
    }
  }

  @Override
  public void text(String text) {
    if (!closing()) {
      events.text(text);
    }
  }

  @Override
  public void binary(byte[] payload) {
    if (!closing()) {
      // The reader copied the payload out of its buffer: the handler may keep it.
      events.binary(ByteBuffer.wrap(payload).asReadOnlyBuffer());
    }
  }

  @Override
  public void peerPing(byte[] payload) {
    write(ServerFrames.encode(ServerFrames.PONG, payload), IGNORED, 0, false);
  }

  @Override
  public void pong() {
    events.pong();
  }

  @Override
  public void peerClose(int code, String reason) {
    closeReceived = true;
    if (startClose(code, reason)) {
      // The peer closed first: answer with its code, then end the TCP connection (the server does).
      queueClose(code == InboundFrames.NO_CODE ? null : code, "", true);
    } else {
      // Our close was answered.
      getEndPoint().close();
    }
  }

  /** Ends the connection for a frame that breaks the protocol or a limit, as Jetty would. */
  private void fail(int code, String reason, Throwable cause) {
    if (code == InboundFrames.TOO_LARGE) {
      events.failed(new org.eclipse.jetty.websocket.api.exceptions.MessageTooLargeException(reason));
    } else {
      events.failed(cause);
    }
    closeReceived = true;
    if (startClose(code, reason)) {
      queueClose(code, reason, true);
    } else {
      getEndPoint().close();
    }
  }

  @Override
  public boolean onIdleExpired(TimeoutException timeout) {
    if (startClose(1001, "Connection Idle Timeout")) {
      events.failed(timeout);
      queueClose(1001, "Connection Idle Timeout", true);
      return false;
    }
    return true;
  }

  // ---- writing

  @Override
  public void sendText(TextFrame frame, FrameWritten written) {
    write(frame.serverFrame(), written, frame.length(), false);
  }

  @Override
  public void sendBinary(ByteBuffer payload, FrameWritten written) {
    write(ServerFrames.encode(ServerFrames.BINARY, payload), written, payload.remaining(), false);
  }

  @Override
  public void ping() {
    write(PING.duplicate(), IGNORED, 0, false);
  }

  /** Starts the close handshake: later sends fail, and the peer's close ends the connection. */
  @Override
  public void close(int code, String reason) {
    if (startClose(code, reason)) {
      queueClose(code, reason, false);
    }
  }

  @Override
  public void abort() {
    getEndPoint().close();
  }

  /** Records the first close's code and reason; false when a close frame was already sent. */
  private synchronized boolean startClose(int code, String reason) {
    if (closeStarted) {
      return false;
    }
    closeStarted = true;
    closeCode = code;
    closeReason = reason;
    return true;
  }

  private synchronized boolean closing() {
    return closeStarted;
  }

  private void queueClose(Integer code, String reason, boolean thenDisconnect) {
    write(CloseFrames.encode(code, reason), IGNORED, 0, true);
    if (thenDisconnect) {
      disconnectAfterWrites();
    }
  }

  /**
   * Writes a frame now, on this thread, unless another write is in progress: then it is queued for
   * the thread that writes, which sends what queued up together. After a close frame, sends fail.
   */
  private void write(ByteBuffer frame, FrameWritten written, int length, boolean closeFrame) {
    synchronized (this) {
      if (!outputClosed) {
        outputClosed = closeFrame;
        if (writing) {
          queue().add(new Pending(frame, written, length));
          return;
        }
        writing = true;
      } else {
        frame = null;
      }
    }
    if (frame == null) {
      written.done(length, new ClosedChannelException());
      return;
    }
    try {
      if (getEndPoint().flush(frame)) {
        written.done(length, null);
        drain();
      } else {
        inFlight = new Pending[] {new Pending(frame, written, length)};
        getEndPoint().write(writeDone, frame);
      }
    } catch (IOException | RuntimeException e) {
      written.done(length, e);
      failAll(e);
    }
  }

  /** Ends the TCP connection once every frame queued so far is written. */
  private void disconnectAfterWrites() {
    synchronized (this) {
      if (writing) {
        queue().add(DISCONNECT);
        return;
      }
    }
    getEndPoint().close();
  }

  private ArrayDeque<Pending> queue() {
    if (queue == null) {
      queue = new ArrayDeque<>();
    }
    return queue;
  }

  /** Writes what was queued meanwhile, each batch in one gathering write, until nothing is left. */
  private void drain() {
    while (true) {
      Pending[] batch;
      synchronized (this) {
        if (queue == null || queue.isEmpty()) {
          writing = false;
          return;
        }
        batch = queue.toArray(new Pending[0]);
        queue.clear();
      }
      boolean disconnect = batch[batch.length - 1] == DISCONNECT;
      int frames = disconnect ? batch.length - 1 : batch.length;
      ByteBuffer[] buffers = new ByteBuffer[frames];
      for (int i = 0; i < frames; i++) {
        buffers[i] = batch[i].frame;
      }
      try {
        if (frames > 0 && !getEndPoint().flush(buffers)) {
          inFlight = batch;
          getEndPoint().write(writeDone, buffers);
          return;
        }
      } catch (IOException | RuntimeException e) {
        report(batch, e);
        failAll(e);
        return;
      }
      report(batch, null);
      if (disconnect) {
        getEndPoint().close();
        return;
      }
    }
  }

  private static void report(Pending[] batch, Throwable failure) {
    for (Pending pending : batch) {
      if (pending != DISCONNECT) {
        pending.written.done(pending.length, failure);
      }
    }
  }

  private void failAll(Throwable cause) {
    LOG.debug("Write to {} failed: {}", getEndPoint().getRemoteSocketAddress(), cause.toString());
    getEndPoint().close(cause);
  }

  @Override
  public void onClose(Throwable cause) {
    super.onClose(cause);
    Pending[] left;
    synchronized (this) {
      outputClosed = true;
      writing = true;
      left = queue == null ? new Pending[0] : queue.toArray(new Pending[0]);
      if (queue != null) {
        queue.clear();
      }
    }
    report(left, cause != null ? cause : new ClosedChannelException());
    if (reported.compareAndSet(false, true)) {
      // The first close frame's code, whoever sent it; 1006 when the connection ended without one.
      int code;
      String reason;
      synchronized (this) {
        code = closeStarted ? closeCode : ABNORMAL;
        reason = closeStarted ? closeReason : cause != null ? cause.toString() : "Disconnected";
      }
      events.closed(code, reason);
    }
  }

  /** The selector's call when the socket is readable: run on the selector thread, or handed to a pool thread. */
  private final class Readable implements Callback {

    private final InvocationType type;

    Readable(InvocationType type) {
      this.type = type;
    }

    @Override
    public void succeeded() {
      onFillable();
    }

    @Override
    public void failed(Throwable cause) {
      onFillInterestedFailed(cause);
    }

    @Override
    public InvocationType getInvocationType() {
      return type;
    }
  }

  /** One frame waiting for its turn. */
  private record Pending(ByteBuffer frame, FrameWritten written, int length) {}

  // Queued after a close frame that ends the connection: disconnect once what is before it is written.
  private static final Pending DISCONNECT = new Pending(null, IGNORED, 0);

  /** Jetty finished (or failed) a write that did not complete at once. */
  private final class WriteDone implements Callback {

    @Override
    public void succeeded() {
      Pending[] batch = inFlight;
      inFlight = null;
      report(batch, null);
      if (batch[batch.length - 1] == DISCONNECT) {
        getEndPoint().close();
      } else {
        drain();
      }
    }

    @Override
    public void failed(Throwable cause) {
      Pending[] batch = inFlight;
      inFlight = null;
      if (batch != null) {
        report(batch, cause);
      }
      failAll(cause);
    }

    @Override
    public InvocationType getInvocationType() {
      // Counters and further non-blocking writes only: Jetty may call this on its selector.
      return InvocationType.NON_BLOCKING;
    }
  }
}
