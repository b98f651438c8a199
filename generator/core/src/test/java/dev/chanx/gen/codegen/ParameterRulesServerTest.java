package dev.chanx.gen.codegen;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.chanx.server.channel.ChannelHandler;
import dev.chanx.server.channel.ChannelRoute;
import dev.chanx.server.ChanxServer;
import java.lang.reflect.InvocationHandler;
import java.lang.reflect.Proxy;
import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.net.Socket;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.WebSocket;
import java.net.http.WebSocketHandshakeException;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletionException;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * The generated route of {@code codegen/parameter-rules.yaml} served on loopback: a path whose
 * parameter breaks its schema is refused with 404 and a query that breaks the binding's with 400,
 * both before the upgrade, as a real WebSocket client sees it.
 */
@Timeout(value = 60, unit = TimeUnit.SECONDS)
class ParameterRulesServerTest {

  private static final HttpClient HTTP = HttpClient.newHttpClient();

  @TempDir
  static Path workDir;

  static CompiledChannel rooms;
  static ChanxServer server;

  @BeforeAll
  static void serve() {
    rooms = CompiledChannel.of(Path.of("src/test/resources/codegen/parameter-rules.yaml"), "rooms", "Rooms",
        workDir);
    server = serve(rooms.route(), handler(rooms.type("RoomsHandler")));
  }

  @SuppressWarnings({"unchecked", "rawtypes"})
  private static ChanxServer serve(ChannelRoute route, Object handler) {
    return ChanxServer.create(config -> config.host("127.0.0.1").port(0).channel(route, (ChannelHandler) handler))
        .start();
  }

  /** A handler that does nothing: these tests end before any frame. */
  private static Object handler(Class<?> type) {
    InvocationHandler nothing = (proxy, method, args) -> method.isDefault()
        ? InvocationHandler.invokeDefault(proxy, method, args) : null;
    return Proxy.newProxyInstance(type.getClassLoader(), new Class<?>[] {type}, nothing);
  }

  @AfterAll
  static void stop() {
    server.stop();
  }

  /** The handshake's answer: 101 when the socket opened, else the status of the refusal. */
  private static int handshake(String target) {
    try {
      WebSocket socket = HTTP.newWebSocketBuilder()
          .buildAsync(URI.create("ws://127.0.0.1:" + server.port() + target), new WebSocket.Listener() {})
          .join();
      socket.abort();
      return 101;
    } catch (CompletionException e) {
      assertTrue(e.getCause() instanceof WebSocketHandshakeException, () -> target + ": " + e.getCause());
      return ((WebSocketHandshakeException) e.getCause()).getResponse().statusCode();
    }
  }

  @ParameterizedTest
  @ValueSource(strings = {"/ws/rooms/public/lobby/1/2.5", "/ws/rooms/private/abc/7/10",
      "/ws/rooms/public/twelve-chars/2147483647/0.001", "/ws/rooms/public/lobby/1/1e1",
      "/ws/rooms/public/lobby/1/2.5?limit=100&tags=a&tags=bcdef&token=abcd", "/ws/rooms/public/lobby/1/2.5?tags=one"})
  void pathsAndQueriesThatKeepTheRulesConnect(String target) {
    assertEquals(101, handshake(target), target);
  }

  @ParameterizedTest
  @ValueSource(strings = {
      "/ws/rooms/public/Lobby/1/2.5", // room: pattern
      "/ws/rooms/public/lob%20by/1/2.5", // room: pattern, decoded
      "/ws/rooms/public/ab/1/2.5", // room: minLength
      "/ws/rooms/public/thirteen-char/1/2.5", // room: maxLength
      "/ws/rooms/public/lobby/0/2.5", // page: minimum
      "/ws/rooms/public/lobby/-3/2.5", // page: minimum
      "/ws/rooms/public/lobby/x/2.5", // page: an integer, as before
      "/ws/rooms/secret/lobby/1/2.5", // kind: enum
      "/ws/rooms/public/lobby/1/0", // zoom: exclusiveMinimum
      "/ws/rooms/public/lobby/1/10.5", // zoom: maximum
      "/ws/rooms/public/lobby/1/wide", // zoom: a number
      "/ws/rooms/public/lobby/1/.5", // zoom: a JSON number
  })
  void aPathThatBreaksItsParametersSchemaIsNotFound(String target) {
    assertEquals(404, handshake(target), target);
  }

  @ParameterizedTest
  @ValueSource(strings = {
      "?limit=0", // minimum
      "?limit=many", // an integer
      "?limit=1&limit=2", // one value
      "?tags=a&tags=b&tags=c&tags=d", // maxItems
      "?tags=toolong", // items' maxLength
      "?token=abc", // minLength
      "?other=1", // additionalProperties
  })
  void aQueryThatBreaksTheBindingsSchemaIsABadRequest(String query) {
    assertEquals(400, handshake("/ws/rooms/public/lobby/1/2.5" + query), query);
  }

  @Test
  void aBadPathIsNotFoundWhateverTheQuery() {
    assertEquals(404, handshake("/ws/rooms/public/ab/1/2.5?limit=0"));
  }

  @Test
  void aRefusalSaysNoMoreThanForAnAddressThatDoesNotExist() throws Exception {
    String unknown = body("/ws/nowhere/at/all", 404);
    assertEquals(unknown, body("/ws/rooms/public/lobby/x/2.5", 404)); // the wrong type, as before
    assertEquals(unknown, body("/ws/rooms/public/ab/1/2.5", 404));
    String badQuery = body("/ws/rooms/public/lobby/1/2.5?limit=0", 400);
    for (String body : List.of(unknown, badQuery)) {
      assertFalse(body.contains("schema") || body.contains("minimum") || body.contains("Exception"), body);
    }
  }

  @Test
  void aQueryThatIsNotURLEncodedRightIsABadRequestToo() throws Exception {
    try (Socket socket = new Socket("127.0.0.1", server.port())) {
      socket.setSoTimeout(10_000);
      socket.getOutputStream().write(("GET /ws/rooms/public/lobby/1/2.5?token=%zzzz HTTP/1.1\r\nHost: 127.0.0.1\r\n"
          + "Upgrade: websocket\r\nConnection: Upgrade\r\nSec-WebSocket-Version: 13\r\n"
          + "Sec-WebSocket-Key: dGhlIHNhbXBsZSBub25jZQ==\r\n\r\n").getBytes(StandardCharsets.US_ASCII));
      String status = new BufferedReader(new InputStreamReader(socket.getInputStream(), StandardCharsets.US_ASCII))
          .readLine();
      assertEquals("HTTP/1.1 400 Bad Request", status);
    }
  }

  /** The body of the answer to a plain GET, which must have {@code status}, with the target left out. */
  private static String body(String target, int status) throws Exception {
    HttpResponse<String> response = get(target);
    assertEquals(status, response.statusCode(), target);
    return response.body().replace(target, "TARGET");
  }

  private static HttpResponse<String> get(String target) throws Exception {
    return HTTP.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + server.port() + target)).build(),
        HttpResponse.BodyHandlers.ofString());
  }

  @Test
  void theRouteNamesTheParameterAndTheRuleForTheLog() {
    IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
        () -> rooms.route().path(Map.of("kind", "public", "room", "ab", "page", "1", "zoom", "1")));
    assertEquals("path parameter 'room' breaks its schema: [room] String should have at least 3 characters",
        e.getMessage());
  }
}
