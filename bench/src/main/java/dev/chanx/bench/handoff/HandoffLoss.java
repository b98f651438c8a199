package dev.chanx.bench.handoff;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.WebSocket;
import java.nio.ByteBuffer;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.TimeUnit;

/**
 * How often the JDK's WebSocket client loses bytes that arrive right behind the 101, and whether
 * speaking first prevents it: connections to a {@link BareBurstServer} that sends a burst at once,
 * alternating with connections that send {@code Chanx-Client-Speaks-First: 1} and an unsolicited
 * pong once open, as the Java client does, so that the server sends its burst only then. Both kinds
 * take turns (ABBA), on one HTTP client, so they share the machine's conditions.
 *
 * <p>Each connection ends whole (every frame, in order, then the close), with an error (most often
 * a {@code ProtocolException}: the reader lost its place), with a gap (frames missing, no error),
 * or short (closed before the last frame).
 *
 * <pre>java -cp bench/target/chanx-bench.jar dev.chanx.bench.handoff.HandoffLoss [--connections 1000] [--frames 3000] [--aligned]</pre>
 */
public final class HandoffLoss {

  private static final String USAGE = """
      usage: HandoffLoss [--connections N] [--frames N] [--aligned]
        --connections N  connections of each kind, taking turns (default 1000)
        --frames N       text frames the server sends each connection (default 3000)
        --aligned        64-byte frames and a 256-byte 101, so that lost reads end between frames""";

  private HandoffLoss() {}

  public static void main(String[] args) throws Exception {
    int connections = 1000;
    int frames = 3000;
    boolean aligned = false;
    for (int i = 0; i < args.length; i++) {
      switch (args[i]) {
        case "--connections" -> connections = Integer.parseInt(args[++i]);
        case "--frames" -> frames = Integer.parseInt(args[++i]);
        case "--aligned" -> aligned = true;
        case "--help", "-h" -> {
          System.out.println(USAGE);
          return;
        }
        default -> {
          System.err.println("unknown option " + args[i] + "\n" + USAGE);
          System.exit(2);
        }
      }
    }
    HttpClient http = HttpClient.newHttpClient();
    Map<String, Integer> atOnce = new TreeMap<>();
    Map<String, Integer> speaksFirst = new TreeMap<>();
    try (BareBurstServer server = new BareBurstServer(frames, aligned)) {
      URI uri = URI.create("ws://127.0.0.1:" + server.port() + "/");
      for (int pair = 0; pair < connections; pair++) {
        boolean heldFirst = pair % 2 == 1;
        for (boolean held : new boolean[] {heldFirst, !heldFirst}) {
          String outcome = connect(http, uri, server, frames, held);
          (held ? speaksFirst : atOnce).merge(outcome, 1, Integer::sum);
        }
      }
    }
    int smallest = 2 + BareBurstServer.text(1, aligned).length();
    int largest = 2 + BareBurstServer.text(frames, aligned).length();
    String sizes = aligned ? "of 64 bytes, the 101 padded to 256 bytes"
        : "of " + smallest + " to " + largest + " bytes";
    System.out.printf("Java %s (%s), %d frames %s per connection, %d connections of each kind, ABBA%n%n",
        System.getProperty("java.version"), System.getProperty("java.vm.name"), frames, sizes, connections);
    System.out.println("| server sends | connections | whole | lost data | of which an error | of which frames missing, no error | short |");
    System.out.println("|---|---|---|---|---|---|---|");
    row("at once, behind the 101", atOnce, connections);
    row("after the client's pong", speaksFirst, connections);
    System.out.println();
    for (var kind : Map.of("at once", atOnce, "after the pong", speaksFirst).entrySet()) {
      kind.getValue().forEach((outcome, count) -> {
        if (!outcome.equals("whole")) {
          System.out.printf("- %s: %d x %s%n", kind.getKey(), count, outcome);
        }
      });
    }
    System.exit(0);
  }

  private static void row(String name, Map<String, Integer> outcomes, int connections) {
    int whole = outcomes.getOrDefault("whole", 0);
    int errors = count(outcomes, "error");
    int gaps = count(outcomes, "gap");
    int shorts = count(outcomes, "short");
    System.out.printf("| %s | %d | %d | %d | %d | %d | %d |%n", name, connections, whole, errors + gaps,
        errors, gaps, shorts);
  }

  private static int count(Map<String, Integer> outcomes, String prefix) {
    return outcomes.entrySet().stream().filter(e -> e.getKey().startsWith(prefix)).mapToInt(Map.Entry::getValue).sum();
  }

  /** One connection, read to its close; {@return how it ended}, numbers taken out so that alike ends count together. */
  private static String connect(HttpClient http, URI uri, BareBurstServer server, int frames, boolean speakFirst)
      throws Exception {
    CompletableFuture<String> end = new CompletableFuture<>();
    WebSocket.Listener reader = new WebSocket.Listener() {
      private final StringBuilder parts = new StringBuilder();
      private int next = 1;
      private String gap;

      @Override
      public void onOpen(WebSocket socket) {
        if (speakFirst) {
          socket.sendPong(ByteBuffer.allocate(0));
        }
        socket.request(1);
      }

      @Override
      public CompletionStage<?> onText(WebSocket socket, CharSequence data, boolean last) {
        parts.append(data);
        if (last) {
          String text = parts.toString();
          parts.setLength(0);
          if (text.equals(server.text(next))) {
            next++;
          } else if (gap == null) {
            int n = number(text);
            gap = n > next ? "gap: frames missing, no error" : "gap: a frame out of order";
            next = n > 0 ? n + 1 : next + 1;
          }
        }
        socket.request(1);
        return null;
      }

      @Override
      public CompletionStage<?> onClose(WebSocket socket, int code, String reason) {
        end.complete(gap != null ? gap : next - 1 == frames ? "whole" : "short: closed before the last frame");
        return null;
      }

      @Override
      public void onError(WebSocket socket, Throwable error) {
        Throwable cause = error.getCause() != null ? error.getCause() : error;
        end.complete("error: " + error.getClass().getSimpleName() + " ("
            + String.valueOf(cause.getMessage()).replaceAll("[0-9]+", "N") + ")");
      }
    };
    WebSocket.Builder builder = http.newWebSocketBuilder();
    if (speakFirst) {
      builder.header(BareBurstServer.SPEAKS_FIRST, "1");
    }
    WebSocket socket = builder.buildAsync(uri, reader).get(10, TimeUnit.SECONDS);
    try {
      return end.get(30, TimeUnit.SECONDS);
    } finally {
      socket.abort();
    }
  }

  private static int number(String text) {
    int at = text.indexOf("\"n\":");
    if (at < 0) {
      return -1;
    }
    int from = at + 4;
    int to = from;
    while (to < text.length() && Character.isDigit(text.charAt(to))) {
      to++;
    }
    return to > from ? Integer.parseInt(text.substring(from, to)) : -1;
  }
}
