package dev.chanx.server.testing;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.WebSocket;
import java.nio.ByteBuffer;
import java.time.Duration;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.function.Consumer;

/**
 * The tests' WebSocket client (the one raw socket of the server's, client's, Redis layer's and
 * example's tests, shared through the test-jar): every text frame it receives lands in a queue.
 */
public final class TestClient implements WebSocket.Listener, AutoCloseable {

  private static final HttpClient HTTP = HttpClient.newHttpClient();
  private static final Duration WAIT = Duration.ofSeconds(10);

  private final BlockingQueue<String> frames = new LinkedBlockingQueue<>();
  private final CompletableFuture<Integer> closed = new CompletableFuture<>();
  private final StringBuilder partial = new StringBuilder();
  private final Consumer<String> arrived;
  private WebSocket socket;

  private TestClient(Consumer<String> arrived) {
    this.arrived = arrived;
  }

  /** Connects to a path on a local server, such as {@code /ws/chat/room1/}. */
  public static TestClient connect(int port, String path) throws Exception {
    return connect(port, path, frame -> {});
  }

  /** Connects, and hands every frame to {@code arrived} on its arrival, before it is queued. */
  public static TestClient connect(int port, String path, Consumer<String> arrived) throws Exception {
    TestClient client = new TestClient(arrived);
    client.socket = HTTP.newWebSocketBuilder()
        .buildAsync(URI.create("ws://127.0.0.1:" + port + path), client)
        .get(WAIT.toSeconds(), TimeUnit.SECONDS);
    return client;
  }

  /** Sends a text frame and waits until it is written. */
  public TestClient send(String text) throws Exception {
    socket.sendText(text, true).get(WAIT.toSeconds(), TimeUnit.SECONDS);
    return this;
  }

  /** Sends a binary frame and waits until it is written. */
  public TestClient sendBinary(byte[] bytes) throws Exception {
    socket.sendBinary(ByteBuffer.wrap(bytes), true).get(WAIT.toSeconds(), TimeUnit.SECONDS);
    return this;
  }

  /** The next text frame received, waiting up to ten seconds. */
  public String next() throws InterruptedException {
    String frame = frames.poll(WAIT.toSeconds(), TimeUnit.SECONDS);
    assertNotNull(frame, "no frame within " + WAIT);
    return frame;
  }

  /** The next text frame, or null when none comes within {@code wait}. */
  public String poll(Duration wait) throws InterruptedException {
    return frames.poll(wait.toNanos(), TimeUnit.NANOSECONDS);
  }

  /** Asserts that no frame arrives within {@code quiet}. */
  public void assertNothingWithin(Duration quiet) throws InterruptedException {
    assertNull(poll(quiet), "no frame expected");
  }

  /** Asserts the next frame equals the expected text. */
  public void expect(String expected) throws InterruptedException {
    assertEquals(expected, next());
  }

  /** Waits for the server to close the socket and returns the close code. */
  public int closeCode() throws Exception {
    return closed.get(WAIT.toSeconds(), TimeUnit.SECONDS);
  }

  /** Whether the socket has closed or failed. */
  public boolean isClosed() {
    return closed.isDone();
  }

  /** Waits for the socket to end, by a close or a failure such as a cut TCP connection. */
  public void awaitEnd() throws Exception {
    closed.handle((code, e) -> null).get(WAIT.toSeconds(), TimeUnit.SECONDS);
  }

  /** Closes normally and waits for the server's close frame. */
  @Override
  public void close() {
    try {
      if (!closed.isDone() && !socket.isOutputClosed()) {
        try {
          socket.sendClose(WebSocket.NORMAL_CLOSURE, "bye").get(WAIT.toSeconds(), TimeUnit.SECONDS);
        } catch (ExecutionException serverClosedFirst) {
          // The server's close crossed ours ("Output closed"): its close is awaited below.
        }
      }
      closed.get(WAIT.toSeconds(), TimeUnit.SECONDS);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException("interrupted while closing", e);
    } catch (ExecutionException | TimeoutException e) {
      throw new IllegalStateException("the socket did not close cleanly", e);
    }
  }

  @Override
  public void onOpen(WebSocket webSocket) {
    webSocket.request(1);
  }

  @Override
  public CompletionStage<?> onText(WebSocket webSocket, CharSequence data, boolean last) {
    partial.append(data);
    if (last) {
      String frame = partial.toString();
      arrived.accept(frame);
      frames.add(frame);
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
