package dev.chanx.example;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.chanx.client.ClientConfig;
import dev.chanx.client.ClientListener;
import dev.chanx.client.Reconnect;
import dev.chanx.client.TopicHandle;
import dev.chanx.client.TopicRefusedException;
import dev.chanx.example.hub.HubClient;
import dev.chanx.example.hub.HubListener;
import dev.chanx.example.hub.HubPath;
import dev.chanx.example.room.ChatMessagePayload;
import dev.chanx.example.room.NewChatMessage;
import dev.chanx.example.room.PingMessage;
import dev.chanx.example.room.PongMessage;
import dev.chanx.example.room.RoomClientMessage;
import dev.chanx.example.room.RoomServerMessage;
import dev.chanx.server.ChanxServer;
import java.net.URI;
import java.time.Duration;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/** The generated Java client's topic handles against the example hub, over real sockets. */
@Timeout(60)
class HubClientTest {

  private static final long WAIT = 10;

  /** Records what each handle hears, as "topic: name said message". */
  private static final class Heard {
    final BlockingQueue<String> lines = new LinkedBlockingQueue<>();

    Consumer<RoomServerMessage> on(String topic) {
      return message -> {
        if (message instanceof NewChatMessage chat) {
          lines.add(topic + ": " + chat.payload().name() + " said " + chat.payload().message());
        } else {
          lines.add(topic + ": " + message.wireTag());
        }
      };
    }

    String next() throws InterruptedException {
      String line = lines.poll(WAIT, TimeUnit.SECONDS);
      return line == null ? "nothing" : line;
    }
  }

  private static HubClient connect(ChanxServer server, Consumer<? super ClientConfig> options,
      BlockingQueue<String> events) throws Exception {
    HubListener listener = new HubListener() {
      @Override
      public void onPongMessage(dev.chanx.example.hub.PongMessage message) {}

      @Override
      public void onOpen() {
        events.add("open");
      }
    };
    return HubClient.connect(URI.create("ws://127.0.0.1:" + server.port()), new HubPath(), options, listener)
        .get(WAIT, TimeUnit.SECONDS);
  }

  private static NewChatMessage say(String name, String message) {
    return new NewChatMessage(new ChatMessagePayload(message, name));
  }

  @Test
  void threeTopicsOnOneSocketAuthorizeAndUnsubscribe() throws Exception {
    ChanxServer server = ChatServer.create(0).start();
    Heard heard = new Heard();
    try (HubClient alice = connect(server, config -> {}, new LinkedBlockingQueue<>());
        HubClient bob = connect(server, config -> {}, new LinkedBlockingQueue<>())) {
      // tag::client[]
      TopicHandle<RoomClientMessage, RoomServerMessage> lobby = alice.room("lobby").onMessage(heard.on("alice lobby"));
      TopicHandle<RoomClientMessage, RoomServerMessage> games = alice.room("games").onMessage(heard.on("alice games"));
      TopicHandle<RoomClientMessage, RoomServerMessage> music = alice.room("music").onMessage(heard.on("alice music"));
      for (TopicHandle<?, ?> room : new TopicHandle<?, ?>[] {lobby, games, music}) {
        room.subscribe().get(WAIT, TimeUnit.SECONDS);
      }
      TopicHandle<RoomClientMessage, RoomServerMessage> bobGames = bob.room("games").onMessage(heard.on("bob games"));
      bobGames.subscribe().get(WAIT, TimeUnit.SECONDS);
      // end::client[]

      // The same topic string gives the same handle.
      assertTrue(alice.room("lobby") == lobby);
      // A request on a topic is answered on it, matched by its ref.
      assertEquals(new PongMessage(), lobby.request(new PingMessage(), r -> r instanceof PongMessage p ? p : null)
          .get(WAIT, TimeUnit.SECONDS));

      bobGames.send(say("Bob", "gg")).get(WAIT, TimeUnit.SECONDS);
      // Both subscribers of room:games hear it (the sender too); alice's other rooms do not.
      String first = heard.next();
      String second = heard.next();
      assertEquals(java.util.Set.of("alice games: Bob said gg", "bob games: Bob said gg"), java.util.Set.of(first, second));

      ExecutionException refused = assertThrows(ExecutionException.class,
          () -> alice.room("private-club").subscribe().get(WAIT, TimeUnit.SECONDS));
      TopicRefusedException why = assertInstanceOf(TopicRefusedException.class, refused.getCause());
      assertEquals("unauthorized", why.reason());
      assertFalse(alice.room("private-club").isSubscribed());

      games.unsubscribe().get(WAIT, TimeUnit.SECONDS);
      bobGames.send(say("Bob", "anyone?")).get(WAIT, TimeUnit.SECONDS);
      assertEquals("bob games: Bob said anyone?", heard.next());
      lobby.send(say("Alice", "still here")).get(WAIT, TimeUnit.SECONDS);
      assertEquals("alice lobby: Alice said still here", heard.next());
      assertEquals("nothing", heard.lines.poll(300, TimeUnit.MILLISECONDS) == null ? "nothing" : "more");
    } finally {
      server.stop();
    }
  }

  @Test
  void everySubscriptionComesBackAfterTheServerRestarts() throws Exception {
    ChanxServer first = ChatServer.create(0).start();
    int port = first.port();
    BlockingQueue<String> events = new LinkedBlockingQueue<>();
    Heard heard = new Heard();
    Consumer<ClientConfig> options = config -> config
        .reconnect(Reconnect.withBackoff(Duration.ofMillis(50), Duration.ofMillis(500)));
    ChanxServer second = null;
    try (HubClient alice = connect(first, options, events)) {
      assertEquals("open", events.poll(WAIT, TimeUnit.SECONDS));
      for (int i = 0; i < 20; i++) {
        alice.room("r" + i).onMessage(heard.on("r" + i)).subscribe().get(WAIT, TimeUnit.SECONDS);
      }
      first.stop();
      second = ChatServer.create(port).start();
      assertEquals("open", events.poll(WAIT, TimeUnit.SECONDS));
      // The client sent every subscribe again, in one batch; the topics deliver once it is done.
      for (int i = 0; i < 20; i++) {
        ChanxServer now = second;
        String topic = "r" + i;
        assertTrue(dev.chanx.server.testing.Poll.within(Duration.ofSeconds(WAIT), () -> {
          dev.chanx.example.room.RoomTopic.of(now).broadcast(new dev.chanx.example.room.RoomParams(topic),
              say("Server", "back"));
          String line = heard.lines.poll(100, TimeUnit.MILLISECONDS);
          return line != null && line.equals(topic + ": Server said back");
        }), topic);
      }
    } finally {
      if (second != null) {
        second.stop();
      }
    }
  }
}
