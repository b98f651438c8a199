package dev.chanx.gen.codegen;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.chanx.gen.ChanxGenerator;
import dev.chanx.gen.CheckOptions;
import dev.chanx.gen.GeneratedFile;
import dev.chanx.gen.Target;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.function.IntSupplier;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code codegen/market.yaml}, a document of our own: its one channel has no address, so the test
 * server places it with {@code MarketRoute.at("/ws/market")}; what the server sends has no one
 * constant tag (a status by its enum, a quote and a trade only by their schemas); and the server
 * asks for an audit, the reply matched by its {@code correlationId} ({@code audit_id}), not a
 * {@code ref}. Driven over loopback by the generated Java client and, in Node, the JS client.
 */
class MarketWireTest {

  private static final Path DOCUMENT = Path.of("src/test/resources/codegen/market.yaml");

  /** The server and a Java client's run, compiled beside the generated code. */
  private static final String SCENARIO = """
      package com.example.market;

      import dev.chanx.server.ChanxServer;
      import dev.chanx.server.channel.Connection;
      import java.net.URI;
      import java.util.List;
      import java.util.concurrent.CopyOnWriteArrayList;
      import java.util.concurrent.CountDownLatch;
      import java.util.concurrent.TimeUnit;

      public final class MarketScenario implements java.util.concurrent.Callable<List<String>>,
          java.util.function.IntSupplier, AutoCloseable {
        private final ChanxServer server;

        public MarketScenario() {
          MarketHandler market = (message, connection) -> {
            if (message instanceof Subscribe subscribe) {
              String symbol = subscribe.subscribe().symbol();
              connection.send(new Status(StatusEvent.OPEN));
              connection.send(new Quote(symbol, 10.5));
              connection.send(new Trade(symbol, 10.75, 3L));
              String id = "audit-" + symbol;
              MarketRequests.requestAudit(connection, new Audit(id)).thenAccept(audited -> connection.send(
                  new Status(audited.audited() && id.equals(audited.auditId()) ? StatusEvent.HALTED : StatusEvent.OPEN)));
            }
          };
          server = ChanxServer.create(config -> config.host("127.0.0.1").port(0)
              .channel(MarketRoute.at("/ws/market"), market)).start();
        }

        @Override
        public int getAsInt() {
          return server.port();
        }

        @Override
        public List<String> call() throws Exception {
          List<String> seen = new CopyOnWriteArrayList<>();
          CountDownLatch halted = new CountDownLatch(1);
          MarketListener listener = new MarketListener() {
            @Override
            public void onStatus(Status status) {
              seen.add("status " + status.event().wireValue());
              if (status.event() == StatusEvent.HALTED) {
                halted.countDown();
              }
            }

            @Override
            public void onQuote(Quote quote) {
              seen.add("quote " + quote.symbol() + " " + quote.price());
            }

            @Override
            public void onTrade(Trade trade) {
              seen.add("trade " + trade.symbol() + " " + trade.price() + " x" + trade.size());
            }

            @Override
            public Audited onAudit(Audit audit) {
              seen.add("audit " + audit.auditId());
              return new Audited(true, audit.auditId());
            }
          };
          URI endpoint = URI.create("ws://127.0.0.1:" + server.port() + "/ws/market");
          try (MarketClient client = MarketClient.connect(endpoint, new MarketPath(), listener).get(10, TimeUnit.SECONDS)) {
            client.send(new Subscribe(new SubscribeSubscribe("BTC"))).get(10, TimeUnit.SECONDS);
            if (!halted.await(10, TimeUnit.SECONDS)) {
              seen.add("no halted status");
            }
          }
          try {
            MarketRoute.at("/ws/{market}");
          } catch (IllegalArgumentException e) {
            seen.add(e.getMessage());
          }
          return seen;
        }

        @Override
        public void close() {
          server.stop();
        }
      }
      """;

  @TempDir
  static Path dir;

  static ClassLoader loader;
  static Path module;

  @BeforeAll
  static void generateAndCompile() throws Exception {
    var model = ChanxGenerator.check(DOCUMENT.toAbsolutePath(), CheckOptions.defaults());
    List<GeneratedFile> files = new ArrayList<>(ChanxGenerator.generate(model, "com.example",
        EnumSet.allOf(Target.class)));
    GeneratedFile js = files.stream().filter(f -> f.relativePath().endsWith(".js")).findFirst().orElseThrow();
    module = dir.resolve(js.relativePath());
    Files.createDirectories(module.getParent());
    Files.writeString(module, js.content(), StandardCharsets.UTF_8);
    List<GeneratedFile> java = new ArrayList<>(files.stream().filter(f -> f.relativePath().endsWith(".java")).toList());
    java.add(new GeneratedFile("com/example/market/MarketScenario.java", SCENARIO));
    loader = InMemoryJavac.compile(java, dir.resolve("java"));
  }

  private static Object scenario() throws Exception {
    return Class.forName("com.example.market.MarketScenario", true, loader).getConstructor().newInstance();
  }

  @Test
  @Timeout(60)
  @SuppressWarnings("unchecked")
  void theJavaClientReadsUntaggedFramesAndAnswersTheAuditByItsId() throws Exception {
    Object scenario = scenario();
    try {
      assertEquals(List.of(
          "status open",
          "quote BTC 10.5",
          "trade BTC 10.75 x3",
          "audit audit-BTC",
          "status halted",
          "channel market needs a plain path without parameters, not '/ws/{market}'"),
          ((Callable<List<String>>) scenario).call());
    } finally {
      ((AutoCloseable) scenario).close();
    }
  }

  @Test
  @Timeout(90)
  void theJsClientDoesTheSame() throws Exception {
    org.junit.jupiter.api.Assumptions.assumeTrue(NodeProcess.available(), "node is not installed");
    Path test = dir.resolve("market.test.mjs");
    try (var script = MarketWireTest.class.getResourceAsStream("/js/market.test.mjs")) {
      Files.write(test, script.readAllBytes());
    }
    Object scenario = scenario();
    try {
      String output = NodeProcess.run(Map.of("CHANX_MODULE", module.toUri().toString(),
          "CHANX_URL", "ws://127.0.0.1:" + ((IntSupplier) scenario).getAsInt() + "/ws/market"),
          "--experimental-websocket", "--test", test.toString());
      assertTrue(output.contains("# pass 1") && output.contains("# fail 0"), output);
    } finally {
      ((AutoCloseable) scenario).close();
    }
  }
}
