package dev.chanx.client;

import java.net.http.WebSocket;
import java.nio.ByteBuffer;
import java.util.concurrent.CompletableFuture;

/**
 * One open socket's sending side. The JDK's WebSocket allows one send at a time, so each frame
 * is sent when the one before it has gone, whether that one succeeded or not.
 */
final class Outgoing {

  private final WebSocket socket;
  private CompletableFuture<?> last = CompletableFuture.completedFuture(null);

  Outgoing(WebSocket socket) {
    this.socket = socket;
  }

  WebSocket socket() {
    return socket;
  }

  /** Sends a whole text frame after those queued before it. */
  synchronized CompletableFuture<Void> text(String frame) {
    CompletableFuture<Void> sent = last.handle((r, e) -> null)
        .thenCompose(x -> socket.sendText(frame, true))
        .thenApply(ws -> null);
    last = sent;
    return sent;
  }

  /** Sends a whole binary frame after those queued before it. */
  synchronized CompletableFuture<Void> binary(ByteBuffer data) {
    CompletableFuture<Void> sent = last.handle((r, e) -> null)
        .thenCompose(x -> socket.sendBinary(data, true))
        .thenApply(ws -> null);
    last = sent;
    return sent;
  }

  /** Sends the close frame after the frames queued before it. */
  synchronized CompletableFuture<Void> close(int statusCode, String reason) {
    CompletableFuture<Void> sent = last.handle((r, e) -> null)
        .thenCompose(x -> socket.sendClose(statusCode, reason))
        .thenApply(ws -> null);
    last = sent;
    return sent;
  }

  /** Whether this socket can still send. */
  boolean isOpen() {
    return !socket.isOutputClosed() && !socket.isInputClosed();
  }
}
