package dev.chanx.server;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.ObjectMapper;
import dev.chanx.server.channel.Connection;
import dev.chanx.server.channel.ReplyMatch;
import dev.chanx.server.testing.ChatRoom;
import dev.chanx.server.testing.TestClient;
import dev.chanx.server.testing.chat.ChatMessagePayload;
import dev.chanx.server.testing.chat.ChatPath;
import dev.chanx.server.testing.chat.ChatRoute;
import dev.chanx.server.testing.chat.ChatServerMessage;
import dev.chanx.server.testing.chat.NewChatMessage;
import dev.chanx.server.testing.chat.NoticeMessage;
import java.io.IOException;
import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/**
 * Requests the server sends a client ({@link Connection#request}), on the test chat over real
 * sockets: the reply is matched by {@code ref} or by a correlation id and reaches no handler; a
 * message of another kind is handled as usual; an invalid reply, silence and a closed socket each
 * fail the request, saying which.
 */
@Timeout(value = 60, unit = TimeUnit.SECONDS)
class ServerRequestsTest {

  private static final ObjectMapper JSON = new ObjectMapper();
  private static final ReplyMatch<NewChatMessage> CHAT_REPLY =
      ReplyMatch.byRef(reply -> reply instanceof NewChatMessage chat ? chat : null);

  private static final ChatRoom room = new ChatRoom();
  private static ChanxServer server;

  @BeforeAll
  static void start() {
    server = ChanxServer.create(config -> config.host("127.0.0.1").port(0).channel(ChatRoute.create(), room)).start();
  }

  @AfterAll
  static void stop() {
    server.stop();
  }

  private static Connection<ChatServerMessage, ChatPath> connected() throws InterruptedException {
    return room.connected.poll(10, TimeUnit.SECONDS);
  }

  private static String refOf(String frame) throws IOException {
    return JSON.readTree(frame).path("ref").asText();
  }

  private static Throwable failure(CompletableFuture<?> future) throws Exception {
    try {
      future.get(10, TimeUnit.SECONDS);
      throw new AssertionError("completed: " + future.join());
    } catch (ExecutionException e) {
      return e.getCause();
    }
  }

  @Test
  void theReplyCarryingTheRefCompletesTheRequestAndReachesNoHandler() throws Exception {
    try (TestClient asked = TestClient.connect(server.port(), "/ws/chat/asked/");
        TestClient other = TestClient.connect(server.port(), "/ws/chat/asked/")) {
      Connection<ChatServerMessage, ChatPath> connection = connected();
      connected();
      CompletableFuture<NewChatMessage> request = connection.request(new NoticeMessage("name?"), CHAT_REPLY,
          Duration.ofSeconds(10));
      String frame = asked.next();
      String ref = refOf(frame);
      assertEquals("{\"action\":\"notice\",\"payload\":\"name?\",\"ref\":\"" + ref + "\"}", frame);

      // A ping with that ref is not the reply expected: it is handled, the request still waits.
      asked.send("{\"action\":\"ping\",\"ref\":\"" + ref + "\"}")
          .expect("{\"action\":\"pong\",\"payload\":null,\"ref\":\"" + ref + "\"}");
      asked.send("{\"action\":\"new_chat_message\",\"payload\":{\"message\":\"hi\",\"name\":\"Ann\"},\"ref\":\""
          + ref + "\"}");

      assertEquals(new NewChatMessage(new ChatMessagePayload("hi", "Ann")), request.get(10, TimeUnit.SECONDS));
      // Had the handler seen it, it would have broadcast it to the other socket before this pong.
      other.send("{\"action\":\"ping\"}").expect("{\"action\":\"pong\",\"payload\":null}");
    }
  }

  @Test
  void aCorrelationIdMatchesAReplyWithoutRef() throws Exception {
    try (TestClient asked = TestClient.connect(server.port(), "/ws/chat/correlated/")) {
      Connection<ChatServerMessage, ChatPath> connection = connected();
      CompletableFuture<NewChatMessage> request = connection.request(
          new NewChatMessage(new ChatMessagePayload("who?", "c-7")),
          ReplyMatch.byCorrelation(reply -> reply instanceof NewChatMessage chat ? chat : null, "/payload/name"),
          Duration.ofSeconds(10));
      asked.expect("{\"action\":\"new_chat_message\",\"payload\":{\"message\":\"who?\",\"name\":\"c-7\"}}");
      asked.send("{\"action\":\"new_chat_message\",\"payload\":{\"message\":\"me\",\"name\":\"c-7\"}}");

      assertEquals(new NewChatMessage(new ChatMessagePayload("me", "c-7")), request.get(10, TimeUnit.SECONDS));
    }
  }

  @Test
  void anInvalidReplySilenceAndAClosedSocketEachFailTheRequest() throws Exception {
    try (TestClient asked = TestClient.connect(server.port(), "/ws/chat/failing/")) {
      Connection<ChatServerMessage, ChatPath> connection = connected();
      CompletableFuture<NewChatMessage> invalid = connection.request(new NoticeMessage("a"), CHAT_REPLY,
          Duration.ofSeconds(10));
      String ref = refOf(asked.next());
      asked.send("{\"action\":\"new_chat_message\",\"payload\":{\"message\":\"hi\"},\"ref\":\"" + ref + "\"}")
          .expect("{\"action\":\"error\",\"payload\":[{\"type\":\"missing\",\"loc\":[\"new_chat_message\",\"payload\","
              + "\"name\"],\"msg\":\"Field required\"}],\"ref\":\"" + ref + "\"}");
      Throwable refused = failure(invalid);
      assertInstanceOf(IllegalArgumentException.class, refused);
      assertTrue(refused.getMessage().startsWith("the reply to request NoticeMessage (ref " + ref + ") from connection "
          + connection.id() + " is invalid: "), refused.getMessage());

      CompletableFuture<NewChatMessage> silent = connection.request(new NoticeMessage("b"), CHAT_REPLY,
          Duration.ofMillis(200));
      String second = refOf(asked.next());
      Throwable timedOut = failure(silent);
      assertInstanceOf(TimeoutException.class, timedOut);
      assertEquals("no reply to request NoticeMessage (ref " + second + ") from connection " + connection.id()
          + " within 200 ms", timedOut.getMessage());

      CompletableFuture<NewChatMessage> cut = connection.request(new NoticeMessage("c"), CHAT_REPLY,
          Duration.ofSeconds(30));
      String third = refOf(asked.next());
      asked.close();
      Throwable closed = failure(cut);
      assertInstanceOf(IOException.class, closed);
      assertEquals("connection " + connection.id() + " closed before the reply to request NoticeMessage (ref " + third
          + ") came", closed.getMessage());
      Throwable after = failure(connection.request(new NoticeMessage("d"), CHAT_REPLY, Duration.ofSeconds(1)));
      assertEquals("connection " + connection.id() + " is closed", after.getMessage());
    }
  }
}
