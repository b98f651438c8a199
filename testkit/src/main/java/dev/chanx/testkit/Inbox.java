package dev.chanx.testkit;

import static org.junit.jupiter.api.Assertions.fail;

import java.net.http.WebSocket;
import java.nio.ByteBuffer;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/** What one test socket received: its frames in order and how it closed; every wait is bounded. */
final class Inbox implements WebSocket.Listener {

  private final BlockingQueue<Frame> frames = new LinkedBlockingQueue<>();
  private final CompletableFuture<Integer> closed = new CompletableFuture<>();
  private final StringBuilder partial = new StringBuilder();
  private volatile String closeReason = "";

  /** The next frame; fails the test if none comes in time. */
  Frame next(Duration wait) {
    Frame frame = poll(wait);
    if (frame == null) {
      fail("no frame within " + wait + (closed.isDone() ? " (the socket closed with " + closed.join() + ")" : ""));
    }
    return frame;
  }

  /** The next frame, or null if none comes in time. */
  Frame poll(Duration wait) {
    try {
      return frames.poll(wait.toNanos(), TimeUnit.NANOSECONDS);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException("interrupted while waiting for a frame", e);
    }
  }

  /** Frames received and not read yet. */
  List<Frame> drain() {
    List<Frame> drained = new ArrayList<>();
    frames.drainTo(drained);
    return drained;
  }

  /** The close code once the socket closed (1006 when it broke); fails the test if it stays open. */
  int closeCode(Duration wait) {
    return await(closed, wait, "the socket to close");
  }

  String closeReason() {
    return closeReason;
  }

  boolean isClosed() {
    return closed.isDone();
  }

  /**
   * Speaks first, as the upgrade promised (see {@link dev.chanx.core.codec.UpgradeHeaders}): bytes
   * that reach the JDK's client while it hands the connection from its HTTP reader to its WebSocket
   * reader can be lost, so the server holds what it sends until this unsolicited pong, sent once
   * that hand-over is done.
   */
  @Override
  public void onOpen(WebSocket webSocket) {
    webSocket.sendPong(ByteBuffer.allocate(0));
    webSocket.request(1);
  }

  @Override
  public CompletionStage<?> onText(WebSocket webSocket, CharSequence data, boolean last) {
    partial.append(data);
    if (last) {
      frames.add(Frame.of(partial.toString()));
      partial.setLength(0);
    }
    webSocket.request(1);
    return null;
  }

  @Override
  public CompletionStage<?> onClose(WebSocket webSocket, int statusCode, String reason) {
    closeReason = reason;
    closed.complete(statusCode);
    return null;
  }

  @Override
  public void onError(WebSocket webSocket, Throwable error) {
    closeReason = error.toString();
    closed.complete(1006);
  }

  /** The future's value; fails the test when it fails or does not complete in time. */
  static <T> T await(CompletableFuture<T> future, Duration wait, String what) {
    try {
      return future.get(wait.toNanos(), TimeUnit.NANOSECONDS);
    } catch (TimeoutException e) {
      return fail("timed out after " + wait + " waiting for " + what);
    } catch (ExecutionException e) {
      return fail("failed waiting for " + what + ": " + e.getCause(), e.getCause());
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException("interrupted while waiting for " + what, e);
    }
  }
}
