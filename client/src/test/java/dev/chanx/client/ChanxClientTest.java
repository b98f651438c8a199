package dev.chanx.client;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.core.JsonGenerator;
import dev.chanx.core.message.Message;
import dev.chanx.core.message.ValidationError;
import dev.chanx.server.ChanxServer;
import dev.chanx.server.testing.ChatRoom;
import dev.chanx.server.testing.chat.BoomMessage;
import dev.chanx.server.testing.chat.ChatMessagePayload;
import dev.chanx.server.testing.chat.ChatRoute;
import dev.chanx.server.testing.chat.ChatServerMessage;
import dev.chanx.server.testing.chat.NewChatMessage;
import dev.chanx.server.testing.chat.NoticeMessage;
import dev.chanx.server.testing.chat.PingMessage;
import dev.chanx.server.testing.chat.PongMessage;
import dev.chanx.server.testing.chat.SlowMessage;
import java.io.IOException;
import java.net.URI;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.function.Consumer;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/** The client machinery against a real server on loopback: replies by ref, error frames, close, reconnect. */
@Timeout(value = 60, unit = TimeUnit.SECONDS)
class ChanxClientTest {

  private static final long WAIT = 10;

  private final ChatRoom room = new ChatRoom();
  private final List<ChanxServer> servers = new ArrayList<>();

  @AfterEach
  void stop() {
    room.gate.countDown();
    servers.forEach(ChanxServer::stop);
  }

  private ChanxServer start(int port) {
    ChanxServer server = ChanxServer.create(config -> config.host("127.0.0.1").port(port)
        .channel(ChatRoute.create(), room)).start();
    servers.add(server);
    return server;
  }

  // Message, not ChatClientMessage: a test sends a chat message the generated one cannot be.
  private static ChanxClient<Message, ChatServerMessage> connect(int port, String group,
      Consumer<ClientConfig> options, RecordingListener events) throws Exception {
    URI uri = ClientAddress.resolve(URI.create("ws://127.0.0.1:" + port), "ws/chat/{group_name}/",
        Map.of("group_name", group));
    return ChanxClient.<Message, ChatServerMessage>connect(uri, options, ChatFrames::decode, events, events)
        .get(WAIT, TimeUnit.SECONDS);
  }

  /** A chat message whose name is null, which the generated one refuses to be: for the server to reject. */
  private record NamelessChatMessage(String message) implements Message {
    @Override
    public String wireTag() {
      return NewChatMessage.ACTION;
    }

    @Override
    public void writeFields(JsonGenerator out) throws IOException {
      out.writeStringField("action", NewChatMessage.ACTION);
      out.writeFieldName("payload");
      out.writeStartObject();
      out.writeStringField("message", message);
      out.writeNullField("name");
      out.writeEndObject();
    }
  }

  private static PongMessage pong(ChatServerMessage reply) {
    return reply instanceof PongMessage pong ? pong : null;
  }

  @Test
  void aRequestCompletesWithTheReplyCarryingItsRefAndTheListenerSeesNothing() throws Exception {
    ChanxServer server = start(0);
    RecordingListener events = new RecordingListener();
    var client = connect(server.port(), "room1", config -> {}, events);
    assertEquals("open", events.next());

    List<CompletableFuture<PongMessage>> replies = new ArrayList<>();
    for (int i = 0; i < 20; i++) {
      replies.add(client.request(new PingMessage(), ChanxClientTest::pong));
    }
    for (CompletableFuture<PongMessage> reply : replies) {
      assertEquals(new PongMessage(), reply.get(WAIT, TimeUnit.SECONDS));
    }
    client.send(new PingMessage()).get(WAIT, TimeUnit.SECONDS);
    assertEquals("message PongMessage[]", events.next());
    client.close(1000, "done").get(WAIT, TimeUnit.SECONDS);
  }

  @Test
  void anErrorFrameFailsTheRequestItAnswersOrGoesToTheListener() throws Exception {
    ChanxServer server = start(0);
    RecordingListener events = new RecordingListener();
    var client = connect(server.port(), "room1", config -> {}, events);
    events.next();

    ExecutionException failed = org.junit.jupiter.api.Assertions.assertThrows(ExecutionException.class,
        () -> client.request(new BoomMessage(), ChanxClientTest::pong).get(WAIT, TimeUnit.SECONDS));
    ErrorFrameException error = assertInstanceOf(ErrorFrameException.class, failed.getCause());
    assertEquals(new ErrorFrame.Detail("Failed to process message for boom"), error.error());

    failed = org.junit.jupiter.api.Assertions.assertThrows(ExecutionException.class, () -> client.request(
        new NamelessChatMessage("hi"), ChanxClientTest::pong).get(WAIT, TimeUnit.SECONDS));
    error = assertInstanceOf(ErrorFrameException.class, failed.getCause());
    assertEquals(new ErrorFrame.Validation(List.of(new ValidationError("string_type",
        List.of("new_chat_message", "payload", "name"), "Input should be a valid string"))), error.error());

    client.send(new BoomMessage());
    assertEquals("error Detail[detail=Failed to process message for boom]", events.next());
    client.close(1000, "done").get(WAIT, TimeUnit.SECONDS);
  }

  @Test
  void messagesOfOthersAndPushesReachTheListener() throws Exception {
    ChanxServer server = start(0);
    RecordingListener alice = new RecordingListener();
    RecordingListener bob = new RecordingListener();
    var aliceClient = connect(server.port(), "room 1", config -> {}, alice);
    room.connected.poll(WAIT, TimeUnit.SECONDS);
    var bobClient = connect(server.port(), "room 1", config -> {}, bob);
    var bobOnServer = room.connected.poll(WAIT, TimeUnit.SECONDS);
    alice.next();
    bob.next();

    aliceClient.send(new NewChatMessage(new ChatMessagePayload("Hello", "Alice")));
    assertEquals("message NewChatMessage[payload=ChatMessagePayload[message=Hello, name=Alice]]", bob.next());
    bobOnServer.send(new NoticeMessage("not in the decoder"));
    assertEquals("unreadable {\"action\":\"notice\",\"payload\":\"not in the decoder\"}", bob.next());
    alice.assertQuietFor(Duration.ofMillis(200));
    aliceClient.close(1000, "").get(WAIT, TimeUnit.SECONDS);
    bobClient.close(1000, "").get(WAIT, TimeUnit.SECONDS);
  }

  @Test
  void closeSendsItsCodeAndDoesNotReconnect() throws Exception {
    ChanxServer server = start(0);
    RecordingListener events = new RecordingListener();
    Consumer<ClientConfig> options = config -> config
        .reconnect(Reconnect.withBackoff(Duration.ofMillis(10), Duration.ofMillis(50)));
    var client = connect(server.port(), "room1", options, events);
    String id = room.connected.poll(WAIT, TimeUnit.SECONDS).id();
    events.next();

    client.close(4000, "bye").get(WAIT, TimeUnit.SECONDS);

    assertEquals(id, room.disconnected.poll(WAIT, TimeUnit.SECONDS));
    assertEquals(4000, room.closeCodes.get(id));
    assertEquals("close 4000", events.next());
    assertFalse(client.isOpen());
    events.assertQuietFor(Duration.ofMillis(300));
    ExecutionException notConnected = org.junit.jupiter.api.Assertions.assertThrows(ExecutionException.class,
        () -> client.send(new PingMessage()).get(WAIT, TimeUnit.SECONDS));
    assertInstanceOf(IllegalStateException.class, notConnected.getCause());
  }

  @Test
  void aClientConnectsAgainAfterTheServerRestartsOnTheSamePort() throws Exception {
    ChanxServer first = start(0);
    int port = first.port();
    RecordingListener events = new RecordingListener();
    Consumer<ClientConfig> options = config -> config
        .reconnect(Reconnect.withBackoff(Duration.ofMillis(20), Duration.ofMillis(200)));
    var client = connect(port, "room1", options, events);
    assertEquals("open", events.next());
    // A chat message is broadcast, never answered: its request waits until the connection goes.
    CompletableFuture<PongMessage> stuck = client.request(new NewChatMessage(new ChatMessagePayload("hi", "A")), ChanxClientTest::pong);

    first.stop();
    assertTrue(events.next().startsWith("close 100"));
    ExecutionException lost = org.junit.jupiter.api.Assertions.assertThrows(ExecutionException.class,
        () -> stuck.get(WAIT, TimeUnit.SECONDS));
    assertInstanceOf(java.io.IOException.class, lost.getCause());

    start(port);
    assertEquals("open", events.next());
    assertEquals(new PongMessage(), client.request(new PingMessage(), ChanxClientTest::pong).get(WAIT, TimeUnit.SECONDS));
    client.close(1000, "done").get(WAIT, TimeUnit.SECONDS);
  }

  @Test
  void aRequestWithoutReplyTimesOut() throws Exception {
    ChanxServer server = start(0);
    RecordingListener events = new RecordingListener();
    Consumer<ClientConfig> options = config -> config.requestTimeout(Duration.ofMillis(200));
    var client = connect(server.port(), "room1", options, events);

    ExecutionException late = org.junit.jupiter.api.Assertions.assertThrows(ExecutionException.class,
        () -> client.request(new SlowMessage("late"), ChanxClientTest::pong).get(WAIT, TimeUnit.SECONDS));
    assertInstanceOf(TimeoutException.class, late.getCause());
    room.gate.countDown();
    client.close(1000, "done").get(WAIT, TimeUnit.SECONDS);
  }
}
