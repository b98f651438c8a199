package dev.chanx.gen.read;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.chanx.gen.SharedSpecs;
import dev.chanx.gen.model.ApiModel;
import dev.chanx.gen.model.Channel;
import dev.chanx.gen.model.JsonType;
import dev.chanx.gen.model.Message;
import dev.chanx.gen.model.Operation;
import dev.chanx.gen.model.Schema;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Chanx's own tutorial document, the one every Chanx server starts from. */
class TutorialDocumentTest {

  private final ApiModel model = SharedSpecs.read("chanx/tutorial.yaml");

  @Test
  void readsTheDocumentHeader() {
    assertEquals("tutorial.yaml", model.source());
    assertEquals("3.0.0", model.asyncapiVersion());
    assertEquals("AsyncAPI Documentation", model.title());
    assertEquals("1.0.0", model.version());
    assertNull(model.description(), "an empty description is none");
  }

  @Test
  void readsChannelsInDocumentOrder() {
    assertEquals(List.of("chat", "assistants", "system"), model.channels().stream().map(Channel::key).toList());
    Channel chat = model.channel("chat").orElseThrow();
    assertEquals("ws/chat/{group_name}/", chat.address());
    assertEquals("/channels/chat", chat.pointer());
    assertEquals("None", chat.description(), "Chanx writes None literally; it is kept as written");
    assertNull(chat.query());
  }

  @Test
  void readsTheAddressParameter() {
    Channel chat = model.channel("chat").orElseThrow();
    assertEquals(1, chat.parameters().size());
    assertEquals("group_name", chat.parameters().get(0).name());
    assertEquals("Path parameter for group_name (str)", chat.parameters().get(0).description());
    assertEquals(JsonType.STRING, chat.parameters().get(0).schema().singleType());
  }

  @Test
  void readsReceiveOperationsWithTheirReplies() {
    Channel chat = model.channel("chat").orElseThrow();
    assertEquals(List.of("handle_new_chat_message", "handle_ping"),
        chat.receives().stream().map(Operation::key).toList());
    Operation ping = chat.receives().get(1);
    assertEquals(Operation.Action.RECEIVE, ping.action());
    assertEquals("/operations/handle_ping", ping.pointer());
    assertNull(ping.summary(), "summary: '' is none");
    assertEquals(List.of("ping_message"), ping.messages().stream().map(Message::key).toList());
    assertEquals(List.of("pong_message"), ping.replies().stream().map(Message::key).toList());
    assertTrue(chat.sends().isEmpty());
  }

  @Test
  void tagsMessagesWithTheActionConstant() {
    Channel chat = model.channel("chat").orElseThrow();
    assertEquals("action", chat.discriminator());
    assertEquals(List.of("new_chat_message", "ping"), chat.clientMessages().stream().map(Message::tag).toList());
    assertEquals(List.of("new_chat_message", "pong"), chat.serverMessages().stream().map(Message::tag).toList());
    Message ping = chat.clientMessages().get(1);
    assertEquals("/components/messages/ping_message", ping.pointer());
  }

  @Test
  void keepsSendOperationsAsServerPushes() {
    Channel system = model.channel("system").orElseThrow();
    assertEquals(List.of("handle_job_result", "handle_system_notification"),
        system.sends().stream().map(Operation::key).toList());
    assertEquals("job_result", system.sends().get(0).messages().get(0).tag());
  }

  @Test
  void payloadIsAReferenceToTheWholeFrameSchema() {
    Message message = model.channel("chat").orElseThrow().clientMessages().get(0);
    Schema payload = message.payload();
    assertEquals("/components/schemas/NewChatMessage", payload.ref());
    assertEquals("/components/messages/new_chat_message/payload", payload.pointer());
    Schema frame = model.resolve(payload);
    assertEquals("NewChatMessage", frame.name());
    assertEquals(List.of("action", "payload"), List.copyOf(frame.properties().keySet()));
    assertEquals(List.of("payload"), frame.required());
    Schema action = frame.properties().get("action");
    assertEquals("new_chat_message", action.constValue().asText());
    assertEquals("/components/schemas/NewChatMessage/properties/action", action.pointer());
    assertEquals("/components/schemas/ChatMessagePayload", frame.properties().get("payload").ref());
    assertTrue(model.schemas().containsKey("/components/schemas/ChatMessagePayload"));
  }

  @Test
  void pingPayloadIsNull() {
    Schema ping = model.schemas().get("/components/schemas/PingMessage");
    Schema payload = ping.properties().get("payload");
    assertEquals(JsonType.NULL, payload.types().iterator().next());
    assertTrue(payload.defaultValue().isNull());
  }
}
