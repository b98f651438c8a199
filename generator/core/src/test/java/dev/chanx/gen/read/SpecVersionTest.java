package dev.chanx.gen.read;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.chanx.gen.model.ApiModel;
import dev.chanx.gen.model.Channel;
import dev.chanx.gen.model.JsonType;
import dev.chanx.gen.model.Operation;
import dev.chanx.gen.model.Parameter;
import java.util.List;
import org.junit.jupiter.api.Test;

/** 3.1 documents read like 3.0 ones, 2.0 to 2.6 by their own reader; others are refused (see ProblemMessagesTest). */
class SpecVersionTest {

  @Test
  void readsAsyncApi31() {
    ApiModel model = Fixtures.read("asyncapi-3.1.yaml");
    assertEquals("3.1.0", model.asyncapiVersion());
    Parameter room = model.channel("chat").orElseThrow().parameters().get(0);
    assertEquals("The room to join", room.description());
    assertEquals(List.of("lobby", "games"), room.schema().enumValues().stream().map(n -> n.asText()).toList());
    assertEquals("lobby", room.schema().defaultValue().asText());
    assertEquals("lobby", room.schema().examples().get(0).asText());
    assertEquals("/channels/chat/parameters/room", room.schema().pointer());
  }

  @Test
  void readsTheSmallestAsyncApi26() {
    ApiModel model = Fixtures.read("asyncapi-2.6.yaml");
    assertEquals("2.6.0", model.asyncapiVersion());
    Channel chat = model.channel("chat").orElseThrow();
    assertEquals("chat", chat.address());
    Operation publish = chat.receives().get(0);
    assertEquals("chat.publish", publish.key());
    assertEquals("chat.publish.message", publish.messages().get(0).key());
    assertEquals(JsonType.STRING, publish.messages().get(0).payload().singleType());
  }

  @Test
  void sniffsJsonWhenTheExtensionSaysNothing() {
    ApiModel model = Fixtures.read("unknown-extension.txt");
    assertEquals("Sniffed", model.title());
    assertEquals("unknown-extension.txt", model.source());
  }
}
