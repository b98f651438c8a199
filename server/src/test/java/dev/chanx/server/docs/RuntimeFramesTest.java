package dev.chanx.server.docs;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** The served document gains the runtime's own frames; the document it came from does not change. */
class RuntimeFramesTest {

  private static final ObjectMapper JSON = new ObjectMapper();
  private static final List<ChannelFrames> CHAT =
      List.of(new ChannelFrames("chat", "ws/chat/{room}/", EnumSet.of(RuntimeFrame.ERROR, RuntimeFrame.COMPLETE)));

  @Test
  void anAsyncApi3ChannelGetsMessagesAndASendOperation() throws Exception {
    AsyncApiDocument original = AsyncApiDocument.parse("chat", """
        {"asyncapi":"3.0.0","info":{"title":"t","version":"1"},
         "channels":{"chat":{"address":"ws/chat/{room}/","messages":{"chanx_error":{"$ref":"#/components/messages/mine"}}}},
         "components":{"messages":{"mine":{"payload":{"type":"object"}}}}}""");
    byte[] before = original.json().clone();
    JsonNode doc = JSON.readTree(original.withRuntimeFrames(CHAT).json());
    assertArrayEquals(before, original.json());
    assertEquals("#/components/messages/mine", doc.at("/channels/chat/messages/chanx_error/$ref").asText());
    assertEquals("#/components/messages/chanx_error", doc.at("/channels/chat/messages/chanx_error_2/$ref").asText());
    assertEquals("#/channels/chat/messages/chanx_error_2", doc.at("/operations/chat_chanx_frames/messages/0/$ref").asText());
    assertEquals("#/channels/chat/messages/chanx_complete", doc.at("/operations/chat_chanx_frames/messages/1/$ref").asText());
    assertEquals("null", doc.at("/components/messages/chanx_complete/payload/properties/payload/type").asText());
    assertEquals(Set.of("mine", "chanx_error", "chanx_complete"), Set.copyOf(names(doc.at("/components/messages"))));
  }

  @Test
  void anAsyncApi2ChannelKeyedByItsAddressGetsSubscribeMessages() throws Exception {
    AsyncApiDocument original = AsyncApiDocument.parse("chat", """
        asyncapi: 2.6.0
        info: {title: t, version: '1'}
        channels:
          /ws/chat/{room}/:
            subscribe:
              message: {$ref: '#/components/messages/said'}
        components:
          messages:
            said: {payload: {type: object}}
        """);
    JsonNode doc = JSON.readTree(original.withRuntimeFrames(CHAT).json());
    JsonNode oneOf = doc.at("/channels/~1ws~1chat~1{room}~1/subscribe/message/oneOf");
    assertEquals("#/components/messages/said", oneOf.get(0).path("$ref").asText());
    assertEquals("#/components/messages/chanx_error", oneOf.get(1).path("$ref").asText());
    assertEquals("#/components/messages/chanx_complete", oneOf.get(2).path("$ref").asText());
  }

  @Test
  void theSameInputGivesTheSameBytes() {
    String text = "{\"asyncapi\":\"3.0.0\",\"channels\":{\"chat\":{\"address\":\"ws/chat/{room}/\"}}}";
    assertArrayEquals(AsyncApiDocument.parse("a", text).withRuntimeFrames(CHAT).yaml(),
        AsyncApiDocument.parse("a", text).withRuntimeFrames(CHAT).yaml());
  }

  private static List<String> names(JsonNode object) {
    List<String> names = new ArrayList<>();
    object.fieldNames().forEachRemaining(names::add);
    return names;
  }
}
