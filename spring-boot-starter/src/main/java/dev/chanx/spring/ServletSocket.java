package dev.chanx.spring;

import dev.chanx.core.codec.TextFrame;
import dev.chanx.server.FrameWritten;
import dev.chanx.server.Socket;
import jakarta.websocket.CloseReason;
import jakarta.websocket.RemoteEndpoint;
import jakarta.websocket.SendHandler;
import jakarta.websocket.SendResult;
import jakarta.websocket.Session;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A socket carried by the servlet container's Jakarta WebSocket implementation (Tomcat's under
 * Spring Boot): the server's side of the transport seam on a container that is not our Jetty.
 *
 * <p>Jakarta's asynchronous sends allow one message in flight per session (Tomcat refuses a
 * second with {@code IllegalStateException}), while the server sends from any thread without
 * waiting. So frames queue here and go out one after another, each started when the previous
 * one is written, and a close queues behind them, as it does on our own transports. The queue is
 * bounded by the server's outbox, which counts a frame until it is reported written.
 */
final class ServletSocket implements Socket {

  private static final Logger LOG = LoggerFactory.getLogger(ServletSocket.class);
  private static final ByteBuffer EMPTY = ByteBuffer.allocate(0);

  private final Session session;
  private final RemoteEndpoint.Async remote;
  private final ConcurrentLinkedQueue<Outgoing> queue = new ConcurrentLinkedQueue<>();
  // Frames queued and not yet reported written; whoever moves it from 0 sends.
  private final AtomicInteger pending = new AtomicInteger();
  // Whether the send in flight returned before its completion came (then the completion sends on).
  private final AtomicBoolean handoff = new AtomicBoolean();

  ServletSocket(Session session) {
    this.session = session;
    this.remote = session.getAsyncRemote();
  }

  @Override
  public void sendText(TextFrame frame, FrameWritten written) {
    enqueue(new Outgoing(frame.text(), null, frame.length(), written, 0, null));
  }

  @Override
  public void sendBinary(ByteBuffer payload, FrameWritten written) {
    enqueue(new Outgoing(null, payload, payload.remaining(), written, 0, null));
  }

  @Override
  public void ping() {
    try {
      // A control frame: Tomcat lets it go between the frames of the queue.
      remote.sendPing(EMPTY.duplicate());
    } catch (IOException | RuntimeException e) {
      LOG.debug("Ping to session {} not sent: {}", session.getId(), e.toString());
    }
  }

  @Override
  public void close(int code, String reason) {
    enqueue(new Outgoing(null, null, 0, null, code, reason));
  }

  @Override
  public void abort() {
    try {
      // The Jakarta API has no abort: a close straight away, not queued behind unread frames, is the closest.
      session.close(new CloseReason(CloseReason.CloseCodes.getCloseCode(1008), "Aborted"));
    } catch (IOException | RuntimeException e) {
      LOG.debug("Abort of session {}: {}", session.getId(), e.toString());
    }
  }

  private void enqueue(Outgoing frame) {
    queue.add(frame);
    if (pending.getAndIncrement() == 0) {
      run(queue.poll());
    }
  }

  /** Sends frames while their writes complete at once; returns when one is still being written. */
  private void run(Outgoing frame) {
    while (true) {
      if (!frame.start()) {
        return;
      }
      if (pending.decrementAndGet() == 0) {
        return;
      }
      frame = queue.poll();
    }
  }

  /** A completion that came after its send returned: the next frame goes from here. */
  private void completedLater() {
    if (pending.decrementAndGet() > 0) {
      run(queue.poll());
    }
  }

  private void sendClose(int code, String reason) {
    try {
      session.close(new CloseReason(CloseReason.CloseCodes.getCloseCode(code), cut(reason)));
    } catch (IOException | RuntimeException e) {
      LOG.debug("Close of session {} failed: {}", session.getId(), e.toString());
    }
  }

  /** A close reason fits 123 bytes of UTF-8; longer ones are cut at a character boundary. */
  static String cut(String reason) {
    if (reason == null) {
      return "";
    }
    if (reason.length() * 3 <= 123 || reason.getBytes(StandardCharsets.UTF_8).length <= 123) {
      return reason;
    }
    StringBuilder out = new StringBuilder();
    int bytes = 0;
    for (int i = 0; i < reason.length(); ) {
      int cp = reason.codePointAt(i);
      int size = cp < 0x80 ? 1 : cp < 0x800 ? 2 : cp < 0x10000 ? 3 : 4;
      if (bytes + size > 123) {
        break;
      }
      out.appendCodePoint(cp);
      bytes += size;
      i += Character.charCount(cp);
    }
    return out.toString();
  }

  /** One frame waiting its turn: text, binary, or the close (no {@code written}). */
  private final class Outgoing implements SendHandler {

    private final String text;
    private final ByteBuffer binary;
    private final int length;
    private final FrameWritten written;
    private final int code;
    private final String reason;

    Outgoing(String text, ByteBuffer binary, int length, FrameWritten written, int code, String reason) {
      this.text = text;
      this.binary = binary;
      this.length = length;
      this.written = written;
      this.code = code;
      this.reason = reason;
    }

    /** Starts this frame; true when it is done already, false when its completion will carry on. */
    boolean start() {
      if (written == null) {
        sendClose(code, reason);
        return true;
      }
      handoff.set(false);
      try {
        if (text != null) {
          remote.sendText(text, this);
        } else {
          remote.sendBinary(binary, this);
        }
      } catch (RuntimeException e) {
        // Closed already, say: Tomcat throws rather than calling back.
        written.done(length, e);
        return true;
      }
      // Whoever comes second, this send returning or its completion, carries on.
      return !handoff.compareAndSet(false, true);
    }

    @Override
    public void onResult(SendResult result) {
      written.done(length, result.isOK() ? null : result.getException());
      if (handoff.compareAndSet(false, true)) {
        return;
      }
      completedLater();
    }
  }
}
