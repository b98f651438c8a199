package dev.chanx.testkit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.chanx.core.message.Message;
import dev.chanx.server.testing.ChatMessages.ChatServerMessage;
import dev.chanx.server.testing.ChatMessages.Echo;
import dev.chanx.server.testing.ChatMessages.Ping;
import dev.chanx.server.testing.ChatMessages.Pong;
import dev.chanx.server.testing.ChatRoom;
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
    client.send(new Ping(), "r-1");
    Frame pong = client.expectAction("pong");
    assertEquals("r-1", pong.ref());
    client.send("{\"action\":\"ping\",\"ref\":42}").expectText("{\"action\":\"pong\",\"payload\":null,\"ref\":42}");
    client.send("{\"action\":\"ping\",\"ref\":{\"id\":[1,\"two\"]}}")
        .expectText("{\"action\":\"pong\",\"payload\":null,\"ref\":{\"id\":[1,\"two\"]}}");
    client.send("{\"action\":\"ping\"}");
    assertEquals(new Pong(), client.expect(Pong.class));
  }

  @Test
  void withoutADecoderTypedMessagesAreReadWithJackson() {
    ChanxTestClient<Message> client = server.client("/ws/chat/typed/").connect();
    assertEquals(new Pong(), client.send(new Ping(), "r-9").expect(Pong.class));
    client.send(new Ping());
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
