package dev.chanx.server;

import dev.chanx.core.codec.ServerFrames;
import dev.chanx.core.codec.TextFrame;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.ClosedChannelException;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Duration;
import java.util.ArrayDeque;
import java.util.Arrays;
import java.util.Base64;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.ScheduledThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicBoolean;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * RFC 6455 over a connection that a container other than our Jetty carries after the HTTP
 * upgrade (a servlet container through {@code HttpServletRequest.upgrade}, say): the default
 * transport's own frame codec ({@link LeanSocket}'s), fed the connection's bytes.
 *
 * <p>Why not the container's WebSocket API: a broadcast's frame is encoded once and the same bytes
 * go to every recipient ({@link TextFrame#serverFrame()}), a send is written on the calling thread
 * with no completion handed to another thread, and frames queued meanwhile go out together.
 * No extension is negotiated here (the handshake answers none), so frames need no rewriting.
 *
 * <p>The container drives it: {@link #start()} once upgraded, {@link #readable} when bytes can be
 * read (one thread at a time), {@link #writable()} when output it held is written, and
 * {@link #ended} when the connection is gone. Frames sent before the first {@link #writable()}
 * wait for it. A connection quiet in both directions for the idle timeout is closed with 1001,
 * as on our Jetty.
 */
public final class StreamSocket implements Socket {

  /** The connection's bytes, as the container gives them. */
  public interface Input {

    /**
     * Reads what is there without blocking.
     *
     * @param bytes where to put them
     * @param offset the first index to fill
     * @param length the most bytes to read
     * @return the bytes read, 0 when none are there now, -1 at the end of the stream
     * @throws IOException when reading fails
     */
    int read(byte[] bytes, int offset, int length) throws IOException;
  }

  /** The connection's outgoing side, as the container gives it: writes never block. */
  public interface Output {

    /**
     * Takes every remaining byte of the buffers, in order, without blocking.
     *
     * @param buffers the bytes to write
     * @return true when they are written; false when the container still holds some, and then
     *     calls {@link StreamSocket#writable()} once they are
     * @throws IOException when writing fails
     */
    boolean write(ByteBuffer[] buffers) throws IOException;

    /** Ends the connection without a close handshake; never throws. */
    void close();
  }

  private static final Logger LOG = LoggerFactory.getLogger(StreamSocket.class);
  private static final String ACCEPT_GUID = "258EAFA5-E914-47DA-95CA-C5AB0DC85B11";
  private static final int READ_BUFFER = 4096;
  private static final ByteBuffer PING = ByteBuffer.wrap(new byte[] {(byte) 0x89, 0}).asReadOnlyBuffer();
  private static final FrameWritten IGNORED = (length, failure) -> { };
  private static final int ABNORMAL = 1006;
  private static final ScheduledExecutorService IDLE = idleTimer();

  private final SocketEvents events;
  private final Output output;
  private final long idleNanos;
  private final InboundFrames inbound;
  private final AtomicBoolean ended = new AtomicBoolean();
  // The start of a frame left incomplete by the last read (at most a control frame), or null.
  private byte[] leftover;
  private volatile long lastActive = System.nanoTime();
  private volatile ScheduledFuture<?> idleCheck;

  // Output, under this object's lock: frames waiting while another thread writes (or the
  // container holds a write), the frames the container holds, and whether a close frame was queued.
  private ArrayDeque<Pending> queue;
  private boolean writing = true;
  private Pending[] inFlight;
  private boolean outputClosed;

  // What the close handshake settled: the code and reason to report, and who closed first.
  private int closeCode = ABNORMAL;
  private String closeReason = "Disconnected";
  private volatile boolean closeReceived;
  private boolean closeStarted;

  /**
   * A socket over an upgraded connection; nothing happens before {@link #start()}.
   *
   * @param events the socket's events, from {@link HostAnswer#events()}
   * @param output the connection's outgoing side
   * @param maxText the largest text message accepted, in bytes ({@link ChannelHost#maxFrameSize()})
   * @param maxBinary the largest binary message accepted, in bytes ({@link ChannelHost#maxBinaryFrameSize()})
   * @param idleTimeout how long the connection may stay quiet ({@link ChannelHost#idleTimeout()})
   */
  public StreamSocket(SocketEvents events, Output output, int maxText, int maxBinary, Duration idleTimeout) {
    this.events = events;
    this.output = output;
    this.idleNanos = idleTimeout.toNanos();
    this.inbound = new InboundFrames(new Reader(), maxText, maxBinary);
  }

  /**
   * {@return the {@code Sec-WebSocket-Accept} answer to a client's {@code Sec-WebSocket-Key}, or
   * null when the key is not the base64 of 16 bytes, as RFC 6455 requires}
   *
   * @param key the client's key, possibly null
   */
  public static String accept(String key) {
    if (key == null) {
      return null;
    }
    try {
      if (Base64.getDecoder().decode(key.trim()).length != 16) {
        return null;
      }
    } catch (IllegalArgumentException e) {
      return null;
    }
    try {
      MessageDigest sha1 = MessageDigest.getInstance("SHA-1");
      return Base64.getEncoder().encodeToString(
          sha1.digest((key.trim() + ACCEPT_GUID).getBytes(StandardCharsets.US_ASCII)));
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("every Java runtime has SHA-1", e);
    }
  }

  /** Reports the socket open and starts its idle timer; call once, before anything else. */
  public void start() {
    events.opened(this);
    scheduleIdleCheck(idleNanos);
  }

  // ---- reading

  /**
   * Reads and handles what the connection has, until {@code input} has nothing more for now.
   *
   * @param input the connection's bytes
   */
  public void readable(Input input) {
    if (ended.get()) {
      return;
    }
    byte[] buffer = new byte[READ_BUFFER];
    int filled = 0;
    if (leftover != null) {
      System.arraycopy(leftover, 0, buffer, 0, leftover.length);
      filled = leftover.length;
      leftover = null;
    }
    try {
      while (!closeReceived) {
        int read = input.read(buffer, filled, buffer.length - filled);
        if (read < 0) {
          // The peer ended TCP; without a close frame the close is abnormal (1006).
          disconnect(null);
          return;
        }
        if (read == 0) {
          break;
        }
        lastActive = System.nanoTime();
        ByteBuffer frames = ByteBuffer.wrap(buffer, 0, filled + read);
        inbound.read(frames);
        filled = frames.remaining();
        if (filled > 0) {
          // An incomplete header or control frame: keep it at the front.
          System.arraycopy(buffer, frames.position(), buffer, 0, filled);
        }
      }
      if (filled > 0 && !closeReceived) {
        leftover = Arrays.copyOf(buffer, filled);
      }
    } catch (InboundFrames.Breach breach) {
      fail(breach.code, breach.getMessage(), breach);
    } catch (IOException | RuntimeException e) {
      events.failed(e);
      disconnect(e);
    }
  }

  /** What the reader finds, told to the events unless the socket is closing. */
  private final class Reader implements InboundFrames.Sink {

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
        // The peer closed first: answer with its code, then end the connection (the server does).
        queueClose(code == InboundFrames.NO_CODE ? null : code, "", true);
      } else {
        // Our close was answered.
        disconnect(null);
      }
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
      disconnect(cause);
    }
  }

  // ---- idle

  private void scheduleIdleCheck(long delayNanos) {
    if (!ended.get()) {
      idleCheck = IDLE.schedule(this::checkIdle, delayNanos, TimeUnit.NANOSECONDS);
    }
  }

  private void checkIdle() {
    long quiet = System.nanoTime() - lastActive;
    if (quiet < idleNanos) {
      scheduleIdleCheck(idleNanos - quiet);
      return;
    }
    if (startClose(1001, "Connection Idle Timeout")) {
      events.failed(new TimeoutException("Idle timeout expired: " + TimeUnit.NANOSECONDS.toMillis(quiet) + " ms"));
      queueClose(1001, "Connection Idle Timeout", true);
      scheduleIdleCheck(idleNanos);
    } else {
      // A close frame went out and nothing came back within the timeout.
      disconnect(null);
    }
  }

  private static ScheduledExecutorService idleTimer() {
    ScheduledThreadPoolExecutor timer = (ScheduledThreadPoolExecutor) Executors.newScheduledThreadPool(1, task -> {
      Thread thread = new Thread(task, "chanx-idle");
      thread.setDaemon(true);
      return thread;
    });
    // A socket that ends cancels its check: drop it from the queue at once.
    timer.setRemoveOnCancelPolicy(true);
    return timer;
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
    disconnect(null);
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
   * Writes a frame now, on this thread, unless another write is in progress or the container
   * holds one: then it is queued, and goes out with the others queued meanwhile. After a close
   * frame, sends fail.
   */
  private void write(ByteBuffer frame, FrameWritten written, int length, boolean closeFrame) {
    Pending[] batch;
    synchronized (this) {
      if (outputClosed) {
        batch = null;
      } else {
        outputClosed = closeFrame;
        if (writing) {
          queue().add(new Pending(frame, written, length));
          return;
        }
        writing = true;
        batch = new Pending[] {new Pending(frame, written, length)};
        inFlight = batch;
      }
    }
    if (batch == null) {
      written.done(length, new ClosedChannelException());
      return;
    }
    if (send(batch, new ByteBuffer[] {frame})) {
      drain();
    }
  }

  /** Hands a batch to the container; true when it is written and this thread goes on. */
  private boolean send(Pending[] batch, ByteBuffer[] buffers) {
    boolean done;
    try {
      done = output.write(buffers);
    } catch (IOException | RuntimeException e) {
      LOG.debug("Write failed: {}", e.toString());
      disconnect(e);
      return false;
    }
    if (!done) {
      // The container calls writable() once it has written the rest, maybe already on another thread.
      return false;
    }
    lastActive = System.nanoTime();
    synchronized (this) {
      if (inFlight != batch) {
        return false; // ended meanwhile, and reported there
      }
      inFlight = null;
    }
    report(batch, null);
    return true;
  }

  /**
   * The container wrote what it held (or, the first time, is ready for output): the frames of
   * that write are reported written and those queued meanwhile go out.
   */
  public void writable() {
    Pending[] batch;
    synchronized (this) {
      batch = inFlight;
      inFlight = null;
    }
    lastActive = System.nanoTime();
    if (batch != null) {
      report(batch, null);
    }
    drain();
  }

  /** Ends the connection once every frame queued so far is written. */
  private void disconnectAfterWrites() {
    synchronized (this) {
      if (writing) {
        queue().add(DISCONNECT);
        return;
      }
    }
    disconnect(null);
  }

  private ArrayDeque<Pending> queue() {
    if (queue == null) {
      queue = new ArrayDeque<>();
    }
    return queue;
  }

  /** Writes what was queued meanwhile, each batch in one write, until nothing is left. */
  private void drain() {
    while (true) {
      Pending[] batch;
      synchronized (this) {
        if (ended.get() || queue == null || queue.isEmpty()) {
          writing = ended.get();
          return;
        }
        batch = queue.toArray(new Pending[0]);
        queue.clear();
        inFlight = batch;
      }
      boolean disconnect = batch[batch.length - 1] == DISCONNECT;
      int frames = disconnect ? batch.length - 1 : batch.length;
      if (frames > 0) {
        ByteBuffer[] buffers = new ByteBuffer[frames];
        for (int i = 0; i < frames; i++) {
          buffers[i] = batch[i].frame;
        }
        if (!send(batch, buffers)) {
          return;
        }
      } else {
        synchronized (this) {
          inFlight = null;
        }
      }
      if (disconnect) {
        disconnect(null);
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

  /** Closes the connection and reports the socket closed. */
  private void disconnect(Throwable cause) {
    ended(cause);
  }

  /**
   * The connection is gone or failed (the container closed it, the peer ended it, a read or write
   * failed): the connection is closed, frames not written fail, and the socket is reported closed
   * with the first close frame's code, 1006 when there was none. Only the first call counts.
   *
   * @param cause why, or null
   */
  public void ended(Throwable cause) {
    if (!ended.compareAndSet(false, true)) {
      return;
    }
    // Closed here whoever reports the end: a container keeps serving a connection it was not
    // told to close (Tomcat dispatches a dead one's events again and again).
    output.close();
    ScheduledFuture<?> check = idleCheck;
    if (check != null) {
      check.cancel(false);
    }
    Pending[] left;
    Pending[] held;
    int code;
    String reason;
    synchronized (this) {
      outputClosed = true;
      writing = true;
      left = queue == null ? new Pending[0] : queue.toArray(new Pending[0]);
      if (queue != null) {
        queue.clear();
      }
      held = inFlight;
      inFlight = null;
      code = closeStarted ? closeCode : ABNORMAL;
      reason = closeStarted ? closeReason : cause != null ? cause.toString() : "Disconnected";
    }
    Throwable failure = cause != null ? cause : new ClosedChannelException();
    if (held != null) {
      report(held, failure);
    }
    report(left, failure);
    events.closed(code, reason);
  }

  /** One frame waiting for its turn. */
  private record Pending(ByteBuffer frame, FrameWritten written, int length) {}

  // Queued after a close frame that ends the connection: disconnect once what is before it is written.
  private static final Pending DISCONNECT = new Pending(null, IGNORED, 0);
}
