package dev.chanx.gen.read;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.chanx.gen.model.ApiModel;
import dev.chanx.gen.model.Channel;
import dev.chanx.gen.model.Message;
import dev.chanx.gen.model.Operation;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Every AsyncAPI object may be a $ref into components; the model sees through them all. */
class ComponentRefsTest {

  private final ApiModel model = Fixtures.read("component-refs.yaml");
  private final Channel chat = model.channel("chat").orElseThrow();

  @Test
  void channelOperationReplyParameterAndBindingsThroughRefs() {
    assertEquals("ws/chat/{room}/", chat.address());
    assertEquals("/components/channels/chat", chat.pointer(), "where it is defined");
    assertEquals("The room", chat.parameters().get(0).description());
    assertEquals("lobby", chat.parameters().get(0).schema().enumValues().get(0).asText());
    assertEquals(List.of("token"), List.copyOf(chat.query().properties().keySet()));
    Operation say = chat.receives().get(0);
    assertEquals("/components/operations/handle_say", say.pointer());
    assertEquals(List.of("said"), say.replies().stream().map(Message::key).toList());
    assertEquals("action", chat.discriminator());
  }

  @Test
  void messageTraitsCorrelationIdAndMultiFormatPayload() {
    Message say = chat.clientMessages().get(0);
    assertEquals("say", say.key());
    assertEquals("say", say.tag());
    assertEquals("Say", say.title());
    assertEquals("SayMessage", say.name(), "from the trait");
    assertEquals("From the trait", say.summary());
    assertEquals("1", say.examples().get(0).get("id").asText());
    assertEquals("$message.payload#/id", say.correlationId());
    assertEquals("/components/messages/say/payload/schema", say.payload().pointer());
  }
}
