package dev.chanx.bench.load;

import java.net.URI;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;
import org.eclipse.jetty.client.HttpClient;
import org.eclipse.jetty.util.thread.QueuedThreadPool;
import org.eclipse.jetty.websocket.api.Callback;
import org.eclipse.jetty.websocket.api.ExtensionConfig;
import org.eclipse.jetty.websocket.api.Session;
import org.eclipse.jetty.websocket.client.ClientUpgradeRequest;
import org.eclipse.jetty.websocket.client.WebSocketClient;

/**
 * The load's clients connected to one server: measured once and closed (a fresh run, whose
 * handshakes come just before its window), or kept open across windows, as a long-running
 * server's clients are, so that no handshake or close falls near a window.
 */
final class ClientFleet implements AutoCloseable {

  private static final long DRAIN_MILLIS = 2_000;
  private static final int CONNECTING_AT_ONCE = 200;

  private final ServerProcess server;
  private final WebSocketClient ws;
  private final List<ChatClient> clients;
  private final String negotiated;

  private ClientFleet(ServerProcess server, WebSocketClient ws, List<ChatClient> clients, String negotiated) {
    this.server = server;
    this.ws = ws;
    this.clients = clients;
    this.negotiated = negotiated;
  }

  /** Connects the load's clients to a server: client i joins room i % rooms. */
  static ClientFleet connect(ServerProcess server, LoadRun.Load load) throws Exception {
    QueuedThreadPool threads = new QueuedThreadPool();
    threads.setName("load-client");
    HttpClient http = new HttpClient();
    http.setExecutor(threads);
    WebSocketClient ws = new WebSocketClient(http);
    ws.setIdleTimeout(Duration.ofMinutes(5));
    ws.setStopAtShutdown(false);
    ws.start();
    List<ChatClient> clients = new ArrayList<>(load.clients());
    try {
      connect(ws, server.port, load, clients);
      String negotiated = negotiated(clients.get(0).session());
      // Let the server finish joining the last clients to their rooms.
      Thread.sleep(300);
      return new ClientFleet(server, ws, clients, negotiated);
    } catch (Exception | Error e) {
      new ClientFleet(server, ws, clients, "none").close();
      throw e;
    }
  }

  /** Sends at the load's rate, warms up, measures one window, stops sending and drains. */
  LoadResult measure(LoadRun.Load load) throws Exception {
    return measure(load, TimeUnit.SECONDS.toMillis(load.warmupSeconds()), DRAIN_MILLIS);
  }

  /**
   * Sends at the load's rate for {@code leadMillis}, measures one window of the load's seconds,
   * stops sending and waits {@code drainMillis} for the window's last deliveries.
   */
  LoadResult measure(LoadRun.Load load, long leadMillis, long drainMillis) throws Exception {
    Window window = new Window();
    for (ChatClient client : clients) {
      client.window(window);
    }
    ScheduledExecutorService senders = Executors.newScheduledThreadPool(2);
    try {
      long period = (long) (1e9 / load.rate());
      for (ChatClient client : clients) {
        // Fixed delay, not fixed rate: a sender that falls behind does not catch up in a burst.
        senders.scheduleWithFixedDelay(client::sendOne, ThreadLocalRandom.current().nextLong(period), period,
            TimeUnit.NANOSECONDS);
      }
      Thread.sleep(leadMillis);
      long start = window.open(TimeUnit.SECONDS.toNanos(load.seconds()));
      sleepUntil(start);
      double serverCpu = server.cpuSeconds();
      ThreadCpu serverThreads = server.threads();
      long syscalls = server.syscalls();
      double clientCpu = LoadRun.processCpuSeconds();
      double machineCpu = Machine.busyCpuSeconds();
      sleepUntil(start + TimeUnit.SECONDS.toNanos(load.seconds()));
      serverCpu = server.cpuSeconds() - serverCpu;
      ThreadCpu threadsAfter = server.threads();
      syscalls = syscalls < 0 ? -1 : server.syscalls() - syscalls;
      Map<String, Double> byThread = threadsAfter.since(serverThreads, serverCpu);
      clientCpu = LoadRun.processCpuSeconds() - clientCpu;
      machineCpu = Machine.busyCpuSeconds() - machineCpu;
      senders.shutdownNow();
      Thread.sleep(drainMillis);
      return new LoadResult(server.kind, load, negotiated, window.sent.sum(), window.skipped.sum(),
          window.expected.sum(), window.latencies.count(), window.latencies.millis(0.50),
          window.latencies.millis(0.95), window.latencies.millis(0.99), window.latencies.millis(1.0),
          window.latencies.meanMillis(), serverCpu, clientCpu, Math.max(0, machineCpu - serverCpu - clientCpu), 1,
          byThread, threadsAfter.totalSince(serverThreads), threadsAfter.ended(serverThreads),
          syscalls, threadsAfter.slicesSince(serverThreads));
    } finally {
      senders.shutdownNow();
    }
  }

  /** Closes every client's socket and stops the client. */
  @Override
  public void close() throws Exception {
    for (ChatClient client : clients) {
      Session session = client.session();
      if (session != null && session.isOpen()) {
        session.close(1000, "done", Callback.NOOP);
      }
    }
    Thread.sleep(300);
    ws.stop();
  }

  private static void connect(WebSocketClient ws, int port, LoadRun.Load load, List<ChatClient> clients)
      throws Exception {
    int[] members = new int[load.rooms()];
    for (int i = 0; i < load.clients(); i++) {
      members[i % load.rooms()]++;
    }
    // Counts nothing: each measured window is given to the clients when it starts.
    Window none = new Window();
    List<CompletableFuture<Session>> pending = new ArrayList<>();
    for (int i = 0; i < load.clients(); i++) {
      int room = i % load.rooms();
      ChatClient client = new ChatClient(none, "c" + i, members[room] - 1);
      clients.add(client);
      ClientUpgradeRequest request = new ClientUpgradeRequest();
      if (load.deflate()) {
        request.addExtensions(LoadRun.BROWSER_DEFLATE);
      }
      pending.add(ws.connect(client, URI.create("ws://127.0.0.1:" + port + "/ws/chat/room-" + room + "/"), request));
      if (pending.size() == CONNECTING_AT_ONCE) {
        awaitAll(pending);
      }
    }
    awaitAll(pending);
  }

  private static void awaitAll(List<CompletableFuture<Session>> pending) throws Exception {
    CompletableFuture.allOf(pending.toArray(CompletableFuture[]::new)).get(60, TimeUnit.SECONDS);
    pending.clear();
  }

  private static String negotiated(Session session) {
    List<ExtensionConfig> extensions = session.getUpgradeResponse().getExtensions();
    return extensions == null || extensions.isEmpty() ? "none"
        : extensions.stream().map(ExtensionConfig::getName).collect(Collectors.joining(","));
  }

  private static void sleepUntil(long nanoTime) throws InterruptedException {
    long left = nanoTime - System.nanoTime();
    if (left > 0) {
      TimeUnit.NANOSECONDS.sleep(left);
    }
  }
}
