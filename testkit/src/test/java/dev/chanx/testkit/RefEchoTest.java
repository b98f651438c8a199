package dev.chanx.testkit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.core.JsonGenerator;
import dev.chanx.core.message.Message;
import dev.chanx.server.testing.ChatRoom;
import dev.chanx.server.testing.chat.ChatServerMessage;
import dev.chanx.server.testing.chat.PingMessage;
import dev.chanx.server.testing.chat.PongMessage;
import java.io.IOException;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.extension.RegisterExtension;

/** A client frame's {@code ref} comes back on its reply and on the error about it, as it was sent. */
@Timeout(value = 60, unit = TimeUnit.SECONDS)
class RefEchoTest {

  @RegisterExtension
  static ChanxServerExtension server = ChanxServerExtension.of(() -> ChatServers.chat(new ChatRoom()));

  @Test
  void aReplyCarriesTheRefOfTheFrameItAnswers() {
    ChanxTestClient<ChatServerMessage> client = server.client("/ws/chat/refs/", ChatServerFrames::decode).connect();
    client.send(new PingMessage(), "r-1");
    Frame pong = client.expectAction("pong");
    assertEquals("r-1", pong.ref());
    client.send("{\"action\":\"ping\",\"ref\":42}").expectText("{\"action\":\"pong\",\"payload\":null,\"ref\":42}");
    client.send("{\"action\":\"ping\",\"ref\":{\"id\":[1,\"two\"]}}")
        .expectText("{\"action\":\"pong\",\"payload\":null,\"ref\":{\"id\":[1,\"two\"]}}");
    client.send("{\"action\":\"ping\"}");
    assertEquals(new PongMessage(), client.expect(PongMessage.class));
  }

  /**
   * An echo that Jackson reads from any frame: the generated {@code EchoMessage} names its
   * subtypes, so Jackson refuses a pong before the client can compare the action.
   */
  record Echo(String payload) implements Message {
    @Override
    public String wireTag() {
      return "echo";
    }

    @Override
    public void writeFields(JsonGenerator out) throws IOException {
      out.writeStringField("action", "echo");
      out.writeStringField("payload", payload);
    }
  }

  @Test
  void withoutADecoderTypedMessagesAreReadWithJackson() {
    ChanxTestClient<Message> client = server.client("/ws/chat/typed/").connect();
    assertEquals(new PongMessage(), client.send(new PingMessage(), "r-9").expect(PongMessage.class));
    client.send(new PingMessage());
    AssertionError wrong = assertThrows(AssertionError.class, () -> client.expect(Echo.class));
    assertTrue(wrong.getMessage().startsWith("expected Echo (action echo), got {\"action\":\"pong\""), wrong.getMessage());
  }

  @Test
  void anErrorCarriesTheRefOfTheFrameItIsAbout() {
    ChanxTestClient<?> client = server.client("/ws/chat/refs/").connect();
    assertEquals("v-1", client.send("{\"action\":\"new_chat_message\",\"payload\":{},\"ref\":\"v-1\"}").expectError().ref());
    assertEquals("h-1", client.send("{\"action\":\"boom\",\"ref\":\"h-1\"}").expectError().ref());
    assertEquals("u-1", client.send("{\"action\":\"nope\",\"ref\":\"u-1\"}").expectError().ref());
    client.send("{\"action\":\"boom\",\"ref\":\"h-2\"}")
        .expectText("{\"action\":\"error\",\"payload\":{\"detail\":\"Failed to process message for boom\"},\"ref\":\"h-2\"}");
  }
}
