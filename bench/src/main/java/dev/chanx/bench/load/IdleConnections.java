package dev.chanx.bench.load;

import java.net.InetSocketAddress;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.eclipse.jetty.client.HttpClient;
import org.eclipse.jetty.util.thread.QueuedThreadPool;
import org.eclipse.jetty.websocket.api.Session;
import org.eclipse.jetty.websocket.client.ClientUpgradeRequest;
import org.eclipse.jetty.websocket.client.WebSocketClient;

/**
 * Memory per idle connection: each server in its own process, measured before and after this
 * many idle chat sockets are open (heap in use after a full GC, through jcmd, and RSS). The
 * clients come from several loopback addresses so that no source address runs out of ports.
 * Usage: {@code IdleConnections [--servers chanx,jetty] [--connections 10000] [--rooms 100]
 * [--sources 4] [--out bench/results] [--root .] [--build-dir target-bench]}; with
 * {@code CHANX_BENCH_HISTOGRAM=1} each Java server's heap histogram is kept under {@code out/logs/}.
 */
public final class IdleConnections {

  private static final int CONNECTING_AT_ONCE = 500;

  private IdleConnections() {}

  public static void main(String[] args) throws Exception {
    List<ServerKind> servers = new ArrayList<>();
    int connections = 10_000;
    int rooms = 100;
    int sources = 4;
    Path out = Path.of("bench/results");
    Path root = Path.of(".");
    String buildDir = "target-bench";
    for (int i = 0; i + 1 < args.length; i += 2) {
      switch (args[i]) {
        case "--servers" -> {
          for (String id : args[i + 1].split(",")) {
            servers.add(ServerKind.of(id.trim()));
          }
        }
        case "--connections" -> connections = Integer.parseInt(args[i + 1]);
        case "--rooms" -> rooms = Integer.parseInt(args[i + 1]);
        case "--sources" -> sources = Integer.parseInt(args[i + 1]);
        case "--out" -> out = Path.of(args[i + 1]);
        case "--root" -> root = Path.of(args[i + 1]);
        case "--build-dir" -> buildDir = args[i + 1];
        default -> {
          System.err.println("unknown option " + args[i]);
          System.exit(2);
        }
      }
    }
    if (servers.isEmpty()) {
      servers = List.of(ServerKind.CHANX, ServerKind.JETTY);
    }
    root = root.toAbsolutePath().normalize();
    StringBuilder report = new StringBuilder();
    report.append("## Idle connections\n\n").append(Machine.describe()).append("\n\n");
    report.append(String.format(Locale.ROOT, "%,d idle chat sockets in %d rooms, from %d loopback source addresses; "
        + "server JVMs with %s. Heap: in use after two full GCs (jcmd GC.run, GC.heap_info); RSS: VmRSS. "
        + "Per connection: (with − without) ÷ connections.%n%n", connections, rooms, sources,
        String.join(" ", ServerProcess.defaultJvmOptions())));
    report.append("| server | heap before MiB | heap after MiB | heap per connection KiB | RSS before MiB | "
        + "RSS after MiB | RSS per connection KiB | open |\n|---|---|---|---|---|---|---|---|\n");
    List<double[]> perConnection = new ArrayList<>();
    for (ServerKind kind : servers) {
      System.err.println("[idle] " + kind.label);
      try (ServerProcess server = ServerProcess.start(kind, root, buildDir,
          out.resolve("logs").resolve("idle-" + kind.id + ".log"), ServerProcess.defaultJvmOptions())) {
        // One connection and its close first, so classes loaded on first use do not count per socket.
        openAndClose(server, rooms, sources);
        boolean java = kind != ServerKind.NODE;
        long heapBefore = java ? server.heapAfterFullGcKib() : -1;
        long rssBefore = server.rssKib();
        List<WebSocketClient> clients = new ArrayList<>();
        int open = 0;
        try {
          open = connect(server, connections, rooms, sources, clients);
          Thread.sleep(2_000);
          long heapAfter = java ? server.heapAfterFullGcKib() : -1;
          long rssAfter = server.rssKib();
          if (java && System.getenv("CHANX_BENCH_HISTOGRAM") != null) {
            server.histogram(out.resolve("logs").resolve("histogram-" + kind.id + ".txt"));
          }
          double heapPer = java ? (heapAfter - heapBefore) / (double) open : Double.NaN;
          double rssPer = (rssAfter - rssBefore) / (double) open;
          perConnection.add(new double[] {kind.ordinal(), heapPer, rssPer, open});
          report.append(String.format(Locale.ROOT, "| %s | %s | %s | %s | %.1f | %.1f | %.1f | %,d |%n", kind.label,
              java ? String.format(Locale.ROOT, "%.1f", heapBefore / 1024.0) : "-",
              java ? String.format(Locale.ROOT, "%.1f", heapAfter / 1024.0) : "-",
              java ? String.format(Locale.ROOT, "%.1f", heapPer) : "-",
              rssBefore / 1024.0, rssAfter / 1024.0, rssPer, open));
        } finally {
          for (WebSocketClient client : clients) {
            client.stop();
          }
        }
      }
    }
    double[] ours = perConnection.stream().filter(p -> p[0] == ServerKind.CHANX.ordinal()).findFirst().orElse(null);
    double[] floor = perConnection.stream().filter(p -> p[0] == ServerKind.JETTY.ordinal()).findFirst().orElse(null);
    if (ours != null && floor != null) {
      report.append(String.format(Locale.ROOT, "%nChanx ÷ bare Jetty per connection: heap %.2f, RSS %.2f.%n",
          ours[1] / floor[1], ours[2] / floor[2]));
    }
    System.out.println(report);
    Files.createDirectories(out);
    Files.writeString(out.resolve("connections.md"), report.toString());
    List<String> csv = new ArrayList<>();
    csv.add("server,connections,heap_per_connection_kib,rss_per_connection_kib");
    for (double[] p : perConnection) {
      csv.add(String.format(Locale.ROOT, "%s,%d,%.3f,%.3f", ServerKind.values()[(int) p[0]].id, (int) p[3], p[1], p[2]));
    }
    Files.write(out.resolve("connections.csv"), csv);
    System.exit(0);
  }

  private static void openAndClose(ServerProcess server, int rooms, int sources) throws Exception {
    List<WebSocketClient> clients = new ArrayList<>();
    try {
      connect(server, 1, rooms, 1, clients);
      Thread.sleep(500);
    } finally {
      for (WebSocketClient client : clients) {
        client.stop();
      }
    }
    Thread.sleep(500);
  }

  /** Opens the sockets, spread over source addresses 127.0.0.2, .3, ...; returns how many opened. */
  private static int connect(ServerProcess server, int connections, int rooms, int sources, List<WebSocketClient> clients)
      throws Exception {
    for (int s = 0; s < sources; s++) {
      QueuedThreadPool threads = new QueuedThreadPool();
      threads.setName("idle-client-" + s);
      HttpClient http = new HttpClient();
      http.setExecutor(threads);
      http.setBindAddress(new InetSocketAddress("127.0.0." + (2 + s), 0));
      http.setMaxConnectionsPerDestination(connections);
      WebSocketClient client = new WebSocketClient(http);
      client.setIdleTimeout(Duration.ofMinutes(10));
      client.setStopAtShutdown(false);
      client.start();
      clients.add(client);
    }
    List<CompletableFuture<Session>> pending = new ArrayList<>();
    int open = 0;
    for (int i = 0; i < connections; i++) {
      WebSocketClient client = clients.get(i % sources);
      pending.add(client.connect(new IdleSocket(), URI.create("ws://127.0.0.1:" + server.port + "/ws/chat/room-"
          + (i % rooms) + "/"), new ClientUpgradeRequest()));
      if (pending.size() == CONNECTING_AT_ONCE || i == connections - 1) {
        for (CompletableFuture<Session> future : pending) {
          try {
            future.get(60, TimeUnit.SECONDS);
            open++;
          } catch (Exception e) {
            System.err.println("[idle] a connection failed: " + e.getCause());
          }
        }
        pending.clear();
      }
    }
    return open;
  }

  /** A socket that only stays open. Jetty needs a public class. */
  public static final class IdleSocket implements org.eclipse.jetty.websocket.api.Session.Listener.AutoDemanding {
    @Override
    public void onWebSocketError(Throwable cause) {
      // Sockets dropped while the clients stop: nothing to report.
    }
  }
}
