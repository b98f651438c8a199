package dev.chanx.server.testing;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.WebSocket;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;

/** A test client that stamps every frame it receives with the next tick of a clock shared by the test. */
public final class StampedClient implements WebSocket.Listener, AutoCloseable {

  /** A frame and the tick at which it arrived. */
  public record Stamped(String text, long tick) {}

  private static final HttpClient HTTP = HttpClient.newHttpClient();

  private final AtomicLong clock;
  private final BlockingQueue<Stamped> frames = new LinkedBlockingQueue<>();
  private final StringBuilder partial = new StringBuilder();
  private WebSocket socket;

  private StampedClient(AtomicLong clock) {
    this.clock = clock;
  }

  /** Connects to a path on a local server. */
  public static StampedClient connect(int port, String path, AtomicLong clock) throws Exception {
    StampedClient client = new StampedClient(clock);
    client.socket = HTTP.newWebSocketBuilder().buildAsync(URI.create("ws://127.0.0.1:" + port + path), client)
        .get(10, TimeUnit.SECONDS);
    return client;
  }

  /** Sends a text frame and waits until it is written. */
  public void send(String text) throws Exception {
    socket.sendText(text, true).get(10, TimeUnit.SECONDS);
  }

  /** Every frame received so far, in order; later ones keep arriving. */
  public BlockingQueue<Stamped> frames() {
    return frames;
  }

  @Override
  public void onOpen(WebSocket webSocket) {
    webSocket.request(1);
  }

  @Override
  public CompletionStage<?> onText(WebSocket webSocket, CharSequence data, boolean last) {
    partial.append(data);
    if (last) {
      frames.add(new Stamped(partial.toString(), clock.incrementAndGet()));
      partial.setLength(0);
    }
    webSocket.request(1);
    return null;
  }

  @Override
  public void close() throws Exception {
    socket.sendClose(WebSocket.NORMAL_CLOSURE, "bye").get(10, TimeUnit.SECONDS);
  }
}
