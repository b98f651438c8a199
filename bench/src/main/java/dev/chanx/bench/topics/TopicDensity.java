package dev.chanx.bench.topics;

import dev.chanx.example.ChatServer;
import dev.chanx.server.ChanxServer;
import java.lang.management.ManagementFactory;
import java.lang.management.MemoryMXBean;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.WebSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Topic density and subscribe latency on the example hub, server and client in one JVM, one
 * socket: per round, the heap in use after full collections before and after the socket
 * subscribes {@code n} new room topics (one at a time, each awaited: its round trip is a
 * subscribe latency), divided by {@code n}; then the same {@code n} topics unsubscribed and
 * subscribed again all at once (a reconnect's batch), timed until the last confirmation. The
 * client keeps nothing per topic, so the difference is the server's. Each subscribe is followed by
 * a {@code ping} on the hub channel itself, whose round trip is the yardstick for the subscribe's:
 * the same socket, client and load, with no topic work. Prints the median of the rounds, the
 * p50/p99 of every subscribe and ping, and the load average.
 *
 * <p>Run: {@code java -Xmx512m -cp bench/target-bench/chanx-bench.jar dev.chanx.bench.topics.TopicDensity [n] [rounds]}.
 */
public final class TopicDensity {

  private TopicDensity() {}

  /** Counts confirmations; lets one subscribe through at a time when asked to. */
  private static final class Listener implements WebSocket.Listener {
    final Semaphore confirmed = new Semaphore(0);
    final AtomicInteger refused = new AtomicInteger();
    private final StringBuilder text = new StringBuilder();

    @Override
    public CompletionStage<?> onText(WebSocket socket, CharSequence data, boolean last) {
      text.append(data);
      if (last) {
        String frame = text.toString();
        text.setLength(0);
        if (frame.contains("\"subscribed\"") || frame.contains("\"unsubscribed\"") || frame.contains("\"pong\"")) {
          confirmed.release();
        } else {
          refused.incrementAndGet();
          System.err.println("unexpected: " + frame);
        }
      }
      socket.request(1);
      return null;
    }
  }

  public static void main(String[] args) throws Exception {
    try {
      run(args);
    } finally {
      // Jetty's threads would keep a failed run alive.
      System.exit(0);
    }
  }

  private static void run(String[] args) throws Exception {
    int n = args.length > 0 ? Integer.parseInt(args[0]) : 1000;
    int rounds = args.length > 1 ? Integer.parseInt(args[1]) : 5;
    ChanxServer server = ChatServer.create(0).start();
    Listener listener = new Listener();
    WebSocket socket = HttpClient.newHttpClient().newWebSocketBuilder()
        .buildAsync(URI.create("ws://127.0.0.1:" + server.port() + "/ws/hub/"), listener).join();
    long[] latencies = new long[n * rounds];
    long[] pings = new long[n * rounds];
    double[] perSubscription = new double[rounds];
    long[] batchMillis = new long[rounds];
    // Warm-up: the same work on other topics, so the JIT and the maps have settled.
    for (int i = 0; i < n; i++) {
      roundTrip(socket, listener, "room:warm-" + i, "subscribe");
    }
    for (int i = 0; i < n; i++) {
      roundTrip(socket, listener, "room:warm-" + i, "unsubscribe");
    }
    String[] names = new String[n];
    for (int r = 0; r < rounds; r++) {
      for (int i = 0; i < n; i++) {
        names[i] = "room:r" + r + "-" + i;
      }
      long before = usedAfterGc();
      for (int i = 0; i < n; i++) {
        latencies[r * n + i] = roundTrip(socket, listener, names[i], "subscribe");
        pings[r * n + i] = roundTrip(socket, listener, "{\"action\":\"ping\",\"payload\":null}");
      }
      long after = usedAfterGc();
      perSubscription[r] = (after - before) / (double) n;
      for (int i = 0; i < n; i++) {
        roundTrip(socket, listener, names[i], "unsubscribe");
      }
      long start = System.nanoTime();
      for (int i = 0; i < n; i++) {
        socket.sendText(frame(names[i], "subscribe"), true).join();
      }
      listener.confirmed.acquire(n);
      batchMillis[r] = TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - start);
      for (int i = 0; i < n; i++) {
        roundTrip(socket, listener, names[i], "unsubscribe");
      }
    }
    Arrays.sort(perSubscription);
    Arrays.sort(latencies);
    Arrays.sort(pings);
    Arrays.sort(batchMillis);
    System.out.printf("topics: %d subscriptions on one socket x %d rounds; refused %d%n", n, rounds,
        listener.refused.get());
    System.out.printf("heap per subscription: median %.0f B (rounds: min %.0f, max %.0f)%n",
        perSubscription[rounds / 2], perSubscription[0], perSubscription[rounds - 1]);
    System.out.printf("subscribe round trip: p50 %.3f ms, p99 %.3f ms, max %.3f ms (%d subscribes)%n",
        latencies[latencies.length / 2] / 1e6, latencies[(int) (latencies.length * 0.99)] / 1e6,
        latencies[latencies.length - 1] / 1e6, latencies.length);
    System.out.printf("channel ping round trip, same socket, between them: p50 %.3f ms, p99 %.3f ms, max %.3f ms%n",
        pings[pings.length / 2] / 1e6, pings[(int) (pings.length * 0.99)] / 1e6, pings[pings.length - 1] / 1e6);
    System.out.printf("%d subscribes sent at once, all confirmed: median %d ms (min %d, max %d)%n", n,
        batchMillis[rounds / 2], batchMillis[0], batchMillis[rounds - 1]);
    System.out.printf("load average: %s%n", Files.readString(Path.of("/proc/loadavg")).strip());
    socket.sendClose(1000, "").join();
    server.stop();
  }

  private static String frame(String topic, String action) {
    return "{\"version\":1,\"topic\":\"" + topic + "\",\"ref\":\"1\",\"action\":\"" + action + "\"}";
  }

  private static long roundTrip(WebSocket socket, Listener listener, String topic, String action) throws Exception {
    return roundTrip(socket, listener, frame(topic, action));
  }

  /** Sends a frame and waits for its answer; {@return the round trip in nanoseconds} */
  private static long roundTrip(WebSocket socket, Listener listener, String frame) throws Exception {
    long start = System.nanoTime();
    socket.sendText(frame, true).join();
    if (!listener.confirmed.tryAcquire(10, TimeUnit.SECONDS)) {
      throw new IllegalStateException("no answer to " + frame);
    }
    return System.nanoTime() - start;
  }

  private static long usedAfterGc() throws InterruptedException {
    MemoryMXBean memory = ManagementFactory.getMemoryMXBean();
    for (int i = 0; i < 4; i++) {
      System.gc();
      Thread.sleep(100);
    }
    return memory.getHeapMemoryUsage().getUsed();
  }
}
