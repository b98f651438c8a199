package dev.chanx.gen.codegen;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import dev.chanx.gen.GeneratedFile;
import dev.chanx.gen.Target;
import dev.chanx.gen.read.SpecReader;
import java.lang.reflect.Method;
import java.net.URI;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.eclipse.jetty.server.Server;
import org.eclipse.jetty.server.ServerConnector;
import org.eclipse.jetty.websocket.api.Callback;
import org.eclipse.jetty.websocket.api.Session;
import org.eclipse.jetty.websocket.server.WebSocketUpgradeHandler;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/** A request matched by its {@code correlationId} when the server does not echo the {@code ref}. */
class CorrelationIdClientTest {

  private static final Path DOCUMENT = Path.of("src/test/resources/codegen/correlation.yaml");

  @TempDir
  Path workDir;

  @Test
  void onlyAPointerEveryMessageShares() {
    assertEquals("/reqid", ClientWriter.pointer(List.of("$message.payload#/reqid", "$message.payload#/reqid")));
    assertNull(ClientWriter.pointer(List.of("$message.payload#/reqid", "$message.payload#/id")));
    assertNull(ClientWriter.pointer(List.of("$message.header#/reqid")));
    assertNull(ClientWriter.pointer(List.of()));
    assertNull(ClientWriter.pointer(java.util.Arrays.asList("$message.payload#/reqid", null)));
  }

  @Test
  @Timeout(30)
  void repliesWithoutRefCompleteTheRequestsTheirReqidNames() throws Exception {
    List<GeneratedFile> files = JavaGenerator.generate(SpecReader.read(DOCUMENT.toAbsolutePath(), null),
        "com.example", Set.of(Target.JAVA_CLIENT));
    String client = files.stream().filter(f -> f.relativePath().endsWith("OrdersClient.java")).findFirst()
        .orElseThrow().content();
    assertTrue(client.contains("\"/reqid\""), client);
    ClassLoader loader = InMemoryJavac.compile(files, workDir);

    Server server = new Server();
    ServerConnector connector = new ServerConnector(server);
    connector.setHost("127.0.0.1");
    connector.setPort(0);
    server.addConnector(connector);
    server.setHandler(WebSocketUpgradeHandler.from(server, container ->
        container.addMapping("/ws/orders/", (request, response, callback) -> new NoRefEcho())));
    server.start();
    try {
      Class<?> clientType = Class.forName("com.example.orders.OrdersClient", true, loader);
      Method connect = java.util.Arrays.stream(clientType.getMethods())
          .filter(m -> m.getName().equals("connect") && m.getParameterCount() == 3).findFirst()
          .orElseThrow(() -> new AssertionError(java.util.Arrays.toString(clientType.getMethods())));
      Class<?> listenerType = connect.getParameterTypes()[2];
      Object path = connect.getParameterTypes()[1].getDeclaredConstructor().newInstance();
      Object listener = java.lang.reflect.Proxy.newProxyInstance(loader, new Class<?>[] {listenerType},
          (proxy, method, args) -> method.getName().equals("toString") ? "listener" : null);
      Object connection = ((CompletableFuture<?>) connect.invoke(null, URI.create("ws://127.0.0.1:" + connector.getLocalPort()), path, listener))
          .get(10, TimeUnit.SECONDS);
      Class<?> pingType = Class.forName("com.example.orders.Ping", true, loader);
      Method request = clientType.getMethod("request", pingType);
      Object ping1 = CompiledChannel.JSON.readerFor(pingType).readValue("{\"action\":\"ping\",\"reqid\":1}");
      Object ping2 = CompiledChannel.JSON.readerFor(pingType).readValue("{\"action\":\"ping\",\"reqid\":2}");
      CompletableFuture<?> first = (CompletableFuture<?>) request.invoke(connection, ping1);
      CompletableFuture<?> second = (CompletableFuture<?>) request.invoke(connection, ping2);
      assertEquals(1L, reqid(first.get(10, TimeUnit.SECONDS)));
      assertEquals(2L, reqid(second.get(10, TimeUnit.SECONDS)));
      ((AutoCloseable) connection).close();
    } finally {
      server.stop();
    }
  }

  private static long reqid(Object pong) {
    JsonNode frame = CompiledChannel.JSON.valueToTree(pong);
    assertEquals("pong", frame.path("action").asText(), frame::toString);
    return frame.path("reqid").asLong();
  }

  /** Answers two pings in reverse order with their reqid and without their ref. */
  public static final class NoRefEcho implements Session.Listener.AutoDemanding {
    private Session session;
    private final List<Long> reqids = new ArrayList<>();

    @Override
    public void onWebSocketOpen(Session session) {
      this.session = session;
    }

    @Override
    public void onWebSocketText(String text) {
      try {
        reqids.add(CompiledChannel.JSON.readTree(text).path("reqid").asLong());
      } catch (Exception e) {
        throw new IllegalStateException(e);
      }
      if (reqids.size() == 2) {
        session.sendText("{\"action\":\"pong\",\"reqid\":" + reqids.get(1) + "}", Callback.from(
            () -> session.sendText("{\"action\":\"pong\",\"reqid\":" + reqids.get(0) + "}", Callback.NOOP),
            e -> { }));
      }
    }
  }
}
