package dev.chanx.example;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.chanx.example.chat.ChatClient;
import dev.chanx.example.chat.ChatListener;
import dev.chanx.example.chat.ChatMessagePayload;
import dev.chanx.example.chat.ChatPath;
import dev.chanx.example.chat.NewChatMessage;
import dev.chanx.example.chat.PingMessage;
import dev.chanx.example.chat.PongMessage;
import dev.chanx.client.ClientConfig;
import dev.chanx.client.ErrorFrame;
import dev.chanx.client.Reconnect;
import dev.chanx.server.ChanxServer;
import java.net.URI;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/** The Java client generated from the chat document drives the example server over real sockets. */
@Timeout(60)
class ChatClientTest {

  private static final long WAIT = 10;

  private final List<ChanxServer> servers = new ArrayList<>();

  @AfterEach
  void stop() {
    servers.forEach(ChanxServer::stop);
  }

  private ChanxServer start(int port) {
    ChanxServer server = ChatServer.create(port).start();
    servers.add(server);
    return server;
  }

  private static URI uri(ChanxServer server) {
    return URI.create("ws://127.0.0.1:" + server.port());
  }

  private static ChatClient join(ChanxServer server, String room, Consumer<ClientConfig> options, Events events)
      throws Exception {
    ChatClient client = ChatClient.connect(uri(server), new ChatPath(room), options, events).get(WAIT, TimeUnit.SECONDS);
    assertEquals("open", events.next());
    return client;
  }

  private static NewChatMessage say(String name, String text) {
    return new NewChatMessage(new ChatMessagePayload(text, name));
  }

  @Test
  void chatReachesTheOthersOfItsRoomOnly() throws Exception {
    ChanxServer server = start(0);
    Events alice = new Events();
    Events bob = new Events();
    Events carol = new Events();
    Events dave = new Events();
    try (ChatClient aliceClient = join(server, "room1", config -> {}, alice);
        ChatClient bobClient = join(server, "room1", config -> {}, bob);
        ChatClient carolClient = join(server, "room 2", config -> {}, carol);
        ChatClient daveClient = join(server, "room 2", config -> {}, dave)) {
      aliceClient.send(say("Alice", "Hello room1")).get(WAIT, TimeUnit.SECONDS);
      carolClient.send(say("Carol", "Hello room 2")).get(WAIT, TimeUnit.SECONDS);

      assertEquals("chat Alice: Hello room1", bob.next());
      assertEquals("chat Carol: Hello room 2", dave.next());
      // Each socket's frames are answered in order, so a pong proves nothing came before it.
      for (ChatClient client : List.of(aliceClient, bobClient, carolClient, daveClient)) {
        client.send(new PingMessage()).get(WAIT, TimeUnit.SECONDS);
      }
      for (Events events : List.of(alice, bob, carol, dave)) {
        assertEquals("pong", events.next());
        events.assertQuiet();
      }
    }
  }

  @Test
  void aRequestGetsItsOwnPongByRefWhileChatKeepsFlowing() throws Exception {
    ChanxServer server = start(0);
    Events alice = new Events();
    Events bob = new Events();
    try (ChatClient aliceClient = join(server, "room1", config -> {}, alice);
        ChatClient bobClient = join(server, "room1", config -> {}, bob)) {
      List<CompletableFuture<PongMessage>> pongs = new ArrayList<>();
      for (int i = 0; i < 10; i++) {
        pongs.add(bobClient.request(new PingMessage()));
        aliceClient.send(say("Alice", "line " + i));
      }
      for (CompletableFuture<PongMessage> pong : pongs) {
        assertEquals(new PongMessage(), pong.get(WAIT, TimeUnit.SECONDS));
      }
      for (int i = 0; i < 10; i++) {
        assertEquals("chat Alice: line " + i, bob.next());
      }
      // The pongs went to their futures, not to the listener.
      bob.assertQuiet();
    }
  }

  @Test
  void theClientComesBackAfterTheServerRestartsOnTheSamePort() throws Exception {
    ChanxServer first = start(0);
    int port = first.port();
    Events events = new Events();
    Consumer<ClientConfig> options = config -> config
        .reconnect(Reconnect.withBackoff(Duration.ofMillis(50), Duration.ofMillis(500)));
    try (ChatClient client = join(first, "room1", options, events)) {
      first.stop();
      String closed = events.next();
      assertTrue(closed.startsWith("close 100"), closed);
      assertTrue(!client.isOpen());

      ChanxServer second = start(port);
      assertEquals("open", events.next());
      assertEquals(new PongMessage(), client.request(new PingMessage()).get(WAIT, TimeUnit.SECONDS));

      Events bob = new Events();
      try (ChatClient bobClient = join(second, "room1", config -> {}, bob)) {
        bobClient.send(say("Bob", "welcome back")).get(WAIT, TimeUnit.SECONDS);
        assertEquals("chat Bob: welcome back", events.next());
      }
    }
  }

  @Test
  void closeSendsItsCodeAndReasonAndStaysClosed() throws Exception {
    ChanxServer server = start(0);
    Events events = new Events();
    Consumer<ClientConfig> options = config -> config
        .reconnect(Reconnect.withBackoff(Duration.ofMillis(10), Duration.ofMillis(50)));
    ChatClient client = join(server, "room1", options, events);

    client.close(4001, "leaving").get(WAIT, TimeUnit.SECONDS);

    assertEquals("close 4001", events.next());
    assertTrue(!client.isOpen());
    events.assertQuiet();
  }

  /** Records what a client's listener hears, one line per event. */
  private static final class Events implements ChatListener {
    private final BlockingQueue<String> events = new LinkedBlockingQueue<>();

    @Override
    public void onNewChatMessage(NewChatMessage message) {
      events.add("chat " + message.payload().name() + ": " + message.payload().message());
    }

    @Override
    public void onPongMessage(PongMessage message) {
      events.add("pong");
    }

    @Override
    public void onOpen() {
      events.add("open");
    }

    @Override
    public void onClose(int statusCode, String reason) {
      events.add("close " + statusCode);
    }

    @Override
    public void onError(ErrorFrame error) {
      events.add("error " + error);
    }

    String next() throws InterruptedException {
      String event = events.poll(WAIT, TimeUnit.SECONDS);
      assertNotNull(event, "nothing happened within " + WAIT + " s");
      return event;
    }

    void assertQuiet() throws InterruptedException {
      assertNull(events.poll(300, TimeUnit.MILLISECONDS));
    }
  }
}
