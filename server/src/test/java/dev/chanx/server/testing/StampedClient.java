package dev.chanx.server.testing;

import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.atomic.AtomicLong;

/** A test client that stamps every frame it receives with the next tick of a clock shared by the test. */
public final class StampedClient implements AutoCloseable {

  /** A frame and the tick at which it arrived. */
  public record Stamped(String text, long tick) {}

  private final BlockingQueue<Stamped> frames = new LinkedBlockingQueue<>();
  private TestClient socket;

  private StampedClient() {}

  /** Connects to a path on a local server. */
  public static StampedClient connect(int port, String path, AtomicLong clock) throws Exception {
    StampedClient client = new StampedClient();
    // Stamped on arrival, on the socket's thread: the order of ticks is the order frames came in.
    client.socket = TestClient.connect(port, path,
        frame -> client.frames.add(new Stamped(frame, clock.incrementAndGet())));
    return client;
  }

  /** Sends a text frame and waits until it is written. */
  public void send(String text) throws Exception {
    socket.send(text);
  }

  /** Every frame received so far, in order; later ones keep arriving. */
  public BlockingQueue<Stamped> frames() {
    return frames;
  }

  @Override
  public void close() {
    socket.close();
  }
}
