package dev.chanx.redis;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.WebSocket;
import java.time.Duration;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;

/** A WebSocket client that can wait a short while for a frame that may never come, and tell whether it is still open. */
final class PollingClient implements WebSocket.Listener, AutoCloseable {

  private static final HttpClient HTTP = HttpClient.newHttpClient();

  private final BlockingQueue<String> frames = new LinkedBlockingQueue<>();
  private final CompletableFuture<Integer> closed = new CompletableFuture<>();
  private final StringBuilder partial = new StringBuilder();
  private WebSocket socket;

  static PollingClient connect(int port, String path) throws Exception {
    PollingClient client = new PollingClient();
    client.socket = HTTP.newWebSocketBuilder()
        .buildAsync(URI.create("ws://127.0.0.1:" + port + path), client)
        .get(10, TimeUnit.SECONDS);
    return client;
  }

  void send(String text) throws Exception {
    socket.sendText(text, true).get(10, TimeUnit.SECONDS);
  }

  /** The next frame, or null when none comes within {@code wait}. */
  String poll(Duration wait) throws InterruptedException {
    return frames.poll(wait.toMillis(), TimeUnit.MILLISECONDS);
  }

  /** Whether the server has neither closed nor broken the socket. */
  boolean isOpen() {
    return !closed.isDone();
  }

  @Override
  public void close() throws Exception {
    if (!socket.isOutputClosed()) {
      socket.sendClose(WebSocket.NORMAL_CLOSURE, "bye").get(10, TimeUnit.SECONDS);
    }
    closed.get(10, TimeUnit.SECONDS);
  }

  @Override
  public void onOpen(WebSocket webSocket) {
    webSocket.request(1);
  }

  @Override
  public CompletionStage<?> onText(WebSocket webSocket, CharSequence data, boolean last) {
    partial.append(data);
    if (last) {
      frames.add(partial.toString());
      partial.setLength(0);
    }
    webSocket.request(1);
    return null;
  }

  @Override
  public CompletionStage<?> onClose(WebSocket webSocket, int statusCode, String reason) {
    closed.complete(statusCode);
    return null;
  }

  @Override
  public void onError(WebSocket webSocket, Throwable error) {
    closed.completeExceptionally(error);
  }
}
