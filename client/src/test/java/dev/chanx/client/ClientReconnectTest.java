package dev.chanx.client;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.chanx.server.AuthResult;
import dev.chanx.server.ChanxServer;
import dev.chanx.server.ServerConfig;
import dev.chanx.server.testing.ChatRoom;
import dev.chanx.server.testing.TestClient;
import dev.chanx.server.testing.chat.ChatClientMessage;
import dev.chanx.server.testing.chat.ChatRoute;
import dev.chanx.server.testing.chat.ChatServerMessage;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.WebSocketHandshakeException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Consumer;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** Reconnecting against real sockets on loopback: the first connect, the close codes that forbid a retry, a dead server. */
@Timeout(value = 60, unit = TimeUnit.SECONDS)
class ClientReconnectTest {

  private static final long WAIT = 10;
  private static final Reconnect QUICK = Reconnect.withBackoff(Duration.ofMillis(10), Duration.ofMillis(100));

  private final ChatRoom room = new ChatRoom();
  private final List<AutoCloseable> resources = new ArrayList<>();

  @AfterEach
  void release() throws Exception {
    room.gate.countDown();
    for (AutoCloseable resource : resources) {
      resource.close();
    }
  }

  private ChanxServer start(Consumer<ServerConfig> more) {
    ChanxServer server = ChanxServer.create(config -> more.accept(config.host("127.0.0.1")
        .channel(ChatRoute.create(), room)))
        .start();
    resources.add(server::stop);
    return server;
  }

  private CompletableFuture<ChanxClient<ChatClientMessage, ChatServerMessage>> connect(int port,
      Consumer<ClientConfig> options, RecordingListener events) {
    URI uri = URI.create("ws://127.0.0.1:" + port + "/ws/chat/reconnect/");
    CompletableFuture<ChanxClient<ChatClientMessage, ChatServerMessage>> connecting =
        ChanxClient.connect(uri, options, ChatFrames::decode, events, events);
    resources.add(() -> connecting.thenAccept(client -> client.close(1000, "")));
    return connecting;
  }

  private ScriptedServer scripted(ScriptedServer server) {
    resources.add(server);
    return server;
  }

  @Test
  void theFirstConnectIsRetriedUntilTheServerAppears() throws Exception {
    int port;
    try (ServerSocket reserved = new ServerSocket(0)) {
      port = reserved.getLocalPort();
    }
    RecordingListener events = new RecordingListener();
    var connecting = connect(port, config -> config.reconnect(QUICK), events);
    events.nextFailure();
    events.nextFailure();
    assertFalse(connecting.isDone());

    start(config -> config.port(port));
    var client = connecting.get(WAIT, TimeUnit.SECONDS);
    assertEquals("open", events.next());
    assertTrue(client.isOpen());
  }

  @Test
  void withoutAPolicyTheFirstFailureFailsTheConnect() throws Exception {
    int port;
    try (ServerSocket reserved = new ServerSocket(0)) {
      port = reserved.getLocalPort();
    }
    var connecting = connect(port, config -> {}, new RecordingListener());
    ExecutionException failed = assertThrows(ExecutionException.class, () -> connecting.get(WAIT, TimeUnit.SECONDS));
    assertInstanceOf(java.io.IOException.class, failed.getCause());
  }

  @Test
  void anUpgradeRefusedWith401IsNotRetried() throws Exception {
    AtomicInteger asked = new AtomicInteger();
    ChanxServer server = start(config -> config.port(0).authenticate(request -> {
      asked.incrementAndGet();
      return AuthResult.unauthorized("who are you?");
    }));
    RecordingListener events = new RecordingListener();
    var connecting = connect(server.port(), config -> config.reconnect(QUICK), events);
    ExecutionException refused = assertThrows(ExecutionException.class, () -> connecting.get(WAIT, TimeUnit.SECONDS));
    assertInstanceOf(WebSocketHandshakeException.class, refused.getCause());
    assertEquals(1, asked.get());
  }

  @Test
  void aFullServerIsTriedAgainLater() throws Exception {
    ChanxServer server = start(config -> config.port(0).maxConnections(1));
    TestClient holder = TestClient.connect(server.port(), "/ws/chat/full/");
    RecordingListener events = new RecordingListener();
    var connecting = connect(server.port(), config -> config.reconnect(QUICK), events);
    events.nextFailure();  // 503, taken as 1013
    holder.close();
    connecting.get(WAIT, TimeUnit.SECONDS);
    assertEquals("open", events.next());
  }

  @ParameterizedTest(name = "{0}")
  @ValueSource(ints = {1008, 1002, 4000, 4403})
  void aCloseThatForbidsARetryEndsTheClient(int code) throws Exception {
    ScriptedServer server = scripted(ScriptedServer.closingWith(code));
    RecordingListener events = new RecordingListener();
    var client = connect(server.port(), config -> config.reconnect(QUICK), events)
        .get(WAIT, TimeUnit.SECONDS);
    assertEquals("open", events.next());
    assertEquals("close " + code, events.next());
    // Completes only once the client has decided not to try again.
    client.closed().get(WAIT, TimeUnit.SECONDS);
    assertEquals(List.of("connection 1"), server.events.stream().filter(e -> e.startsWith("connection")).toList());
  }

  @ParameterizedTest(name = "{0}")
  @ValueSource(ints = {1012, 1013, 1001, 1011})
  void aServerRestartingOrBusyIsTriedAgain(int code) throws Exception {
    ScriptedServer server = scripted(ScriptedServer.closingWith(code));
    RecordingListener events = new RecordingListener();
    connect(server.port(), config -> config.reconnect(QUICK), events).get(WAIT, TimeUnit.SECONDS);
    assertEquals("open", events.next());
    assertEquals("close " + code, events.next());
    assertEquals("open", events.next());
    assertTrue(server.events.contains("connection 2"), server.events.toString());
  }

  @Test
  void aServerThatGoesSilentIsPingedThenDroppedAndConnectedAgain() throws Exception {
    ScriptedServer server = scripted(ScriptedServer.silent());
    RecordingListener events = new RecordingListener();
    Consumer<ClientConfig> options = config -> config.reconnect(QUICK).serverTimeout(Duration.ofMillis(400));
    connect(server.port(), options, events).get(WAIT, TimeUnit.SECONDS);
    assertEquals("open", events.next());
    assertEquals("close 1006", events.next());
    assertEquals("open", events.next());
    List<String> seen = new ArrayList<>(server.events);
    // The pong is the client's first word (see theClientAsksTheServerToWaitAndSpeaksFirst), the ping its check.
    assertEquals(List.of("connection 1", "speaks first", "opcode 10", "opcode 9"), seen.subList(0, 4),
        "pinged before it was given up: " + seen);
  }

  @Test
  void theClientAsksTheServerToWaitAndSpeaksFirst() throws Exception {
    // The JDK client can lose bytes that arrive while it takes over the connection from its HTTP
    // reader: it asks the server to send nothing until its first frame, an unsolicited pong.
    ScriptedServer server = scripted(ScriptedServer.silent());
    RecordingListener events = new RecordingListener();
    connect(server.port(), config -> config.serverTimeout(Duration.ZERO), events).get(WAIT, TimeUnit.SECONDS);
    assertEquals("open", events.next());
    assertEquals("connection 1", server.events.poll(WAIT, TimeUnit.SECONDS));
    assertEquals("speaks first", server.events.poll(WAIT, TimeUnit.SECONDS));
    assertEquals("opcode 10", server.events.poll(WAIT, TimeUnit.SECONDS));
  }

  @Test
  void aLiveServerThatSendsNothingButPongsIsKept() throws Exception {
    ChanxServer server = start(config -> config.port(0).keepalive(Duration.ZERO));
    RecordingListener events = new RecordingListener();
    Consumer<ClientConfig> options = config -> config.reconnect(QUICK).serverTimeout(Duration.ofMillis(200));
    var client = connect(server.port(), options, events).get(WAIT, TimeUnit.SECONDS);
    assertEquals("open", events.next());
    // Five server timeouts with no frame from the server but the pongs to the client's pings.
    events.assertQuietFor(Duration.ofSeconds(1));
    assertTrue(client.isOpen());
  }

  @Test
  void serverTimeoutsAreCheckedOnEntry() {
    ClientConfig[] kept = new ClientConfig[1];
    ClientSettings settings = ClientConfig.settings(config -> {
      kept[0] = config;
      IllegalArgumentException negative = assertThrows(IllegalArgumentException.class,
          () -> config.serverTimeout(Duration.ofSeconds(-1)));
      assertEquals("serverTimeout must not be negative (Duration.ZERO turns it off): PT-1S", negative.getMessage());
    });
    assertEquals(Duration.ofSeconds(60), settings.serverTimeout());
    assertEquals(Duration.ZERO, ClientConfig.settings(config -> config.serverTimeout(Duration.ZERO)).serverTimeout());
    assertEquals("the client is configured: configure it inside connect(..., config -> ...)",
        assertThrows(IllegalStateException.class, () -> kept[0].serverTimeout(Duration.ZERO)).getMessage());
  }
}
