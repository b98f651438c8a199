package dev.chanx.example;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.WebSocket;
import java.time.Duration;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;

/** A WebSocket client for tests: collects every text frame it receives in a queue. */
final class TestSocket implements WebSocket.Listener, AutoCloseable {

  private static final HttpClient HTTP = HttpClient.newHttpClient();

  private final BlockingQueue<String> frames = new LinkedBlockingQueue<>();
  private final CompletableFuture<Integer> closed = new CompletableFuture<>();
  private final StringBuilder partial = new StringBuilder();
  private WebSocket socket;

  static TestSocket connect(int port, String path) throws Exception {
    TestSocket listener = new TestSocket();
    listener.socket = HTTP.newWebSocketBuilder()
        .connectTimeout(Duration.ofSeconds(5))
        .buildAsync(URI.create("ws://127.0.0.1:" + port + path), listener)
        .get(10, TimeUnit.SECONDS);
    return listener;
  }

  void send(String frame) throws Exception {
    socket.sendText(frame, true).get(5, TimeUnit.SECONDS);
  }

  /** The next frame, failing after five seconds. */
  String next() throws InterruptedException {
    String frame = frames.poll(5, TimeUnit.SECONDS);
    if (frame == null) {
      throw new AssertionError("no frame within 5 s");
    }
    return frame;
  }

  /** Asserts that no frame arrives within the given time. */
  void assertNothingWithin(Duration quiet) throws InterruptedException {
    String frame = frames.poll(quiet.toMillis(), TimeUnit.MILLISECONDS);
    if (frame != null) {
      throw new AssertionError("unexpected frame: " + frame);
    }
  }

  int awaitClose() throws Exception {
    return closed.get(5, TimeUnit.SECONDS);
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

  @Override
  public void close() {
    if (!socket.isOutputClosed()) {
      socket.sendClose(WebSocket.NORMAL_CLOSURE, "test done");
    }
    socket.abort();
  }
}
