package dev.chanx.gen.read;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.chanx.gen.model.ApiModel;
import dev.chanx.gen.model.Channel;
import dev.chanx.gen.model.Message;
import dev.chanx.gen.model.Operation;
import dev.chanx.gen.model.Schema;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The comparison the twin test relies on names each difference by its path, and only those. */
class ModelDiffTest {

  private final ApiModel model = Fixtures.read("twins/chat-3.0.yaml");

  @Test
  void aModelEqualsItself() {
    assertEquals(List.of(), ModelDiff.between(model, Fixtures.read("twins/chat-3.0.yaml")));
  }

  @Test
  void namesAChangedTagAndDescriptionByTheirPaths() {
    Channel chat = model.channels().get(0);
    Operation handle = chat.receives().get(0);
    Message say = handle.messages().get(0);
    Message renamed = new Message(say.key(), say.name(), say.title(), say.summary(), say.description(), say.pointer(),
        say.payload(), "speak", say.examples(), say.correlationId());
    Operation changed = new Operation(handle.key(), handle.action(), handle.title(), handle.summary(),
        handle.description(), handle.pointer(), List.of(renamed, handle.messages().get(1)), handle.replies());
    Channel other = new Channel(chat.key(), chat.address(), chat.title(), chat.summary(), "Another room.",
        "/elsewhere", chat.parameters(), List.of(changed), chat.sends(), chat.discriminator(), chat.query());

    assertEquals(List.of(
        "channels[ws_chat_room].description: 'One room of the chat.' vs 'Another room.'",
        "channels[ws_chat_room].receives[handle_chat].messages[say].tag: 'say' vs 'speak'"),
        ModelDiff.between(model, with(List.of(other), model.schemas())));
  }

  @Test
  void namesADifferenceDeepInANamedSchema() {
    Map<String, Schema> schemas = new LinkedHashMap<>(model.schemas());
    Schema text = schemas.get("/components/schemas/Text");
    schemas.put("/components/schemas/Text", text.toBuilder()
        .property("text", text.properties().get("text").toBuilder().minLength(2).build()).build());

    assertEquals(List.of("schemas[/components/schemas/Text].properties[text].minLength: 1 vs 2"),
        ModelDiff.between(model, with(model.channels(), schemas)));
  }

  @Test
  void namesMissingAndExtraKeys() {
    assertEquals(List.of("channels: [ws_chat_room] vs []"), ModelDiff.between(model, with(List.of(), model.schemas())));
  }

  private ApiModel with(List<Channel> channels, Map<String, Schema> schemas) {
    return new ApiModel("other.yaml", "9.9.9", model.title(), model.version(), model.description(), channels, schemas);
  }
}
