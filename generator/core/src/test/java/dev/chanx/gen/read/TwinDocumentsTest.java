package dev.chanx.gen.read;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.chanx.gen.SpecException;
import dev.chanx.gen.model.ApiModel;
import dev.chanx.gen.model.Channel;
import dev.chanx.gen.model.Message;
import dev.chanx.gen.model.Operation;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** The same chat written as AsyncAPI 2.6 and as 3.0 reads into the same model. */
class TwinDocumentsTest {

  private final ApiModel v2 = Fixtures.read("twins/chat-2.6.yaml");
  private final ApiModel v3 = Fixtures.read("twins/chat-3.0.yaml");

  @Test
  void bothVersionsYieldTheSameModel() {
    assertEquals(List.of(), ModelDiff.between(v3, v2));
  }

  @Test
  void theSharedModelIsTheWholeChat() {
    Channel chat = v2.channels().get(0);
    assertEquals(List.of("ws_chat_room"), v2.channels().stream().map(Channel::key).toList());
    assertEquals("/ws/chat/{room}", chat.address());
    assertEquals("room", chat.parameters().get(0).name());
    assertEquals(List.of("token"), List.copyOf(chat.query().properties().keySet()));
    assertEquals("action", chat.discriminator());
    assertEquals(List.of("handle_chat"), chat.receives().stream().map(Operation::key).toList());
    assertEquals(List.of("say", "ping"), chat.receives().get(0).messages().stream().map(Message::tag).toList());
    assertEquals(List.of("push_said"), chat.sends().stream().map(Operation::key).toList());
    assertEquals(List.of("said"), chat.sends().get(0).messages().stream().map(Message::tag).toList());
    assertTrue(chat.receives().get(0).replies().isEmpty(), "2.x has no replies, and the twin declares none");
    assertEquals("$message.payload#/id", chat.clientMessages().get(0).correlationId());
    assertEquals("hello", chat.serverMessages().get(0).examples().get(0).path("payload").path("text").asText());
  }

  @Test
  void onlyVersionsAndPointersDiffer() {
    assertEquals("2.6.0", v2.asyncapiVersion());
    assertEquals("3.0.0", v3.asyncapiVersion());
    assertEquals("/channels/~1ws~1chat~1{room}", v2.channels().get(0).pointer());
    assertEquals("/channels/ws_chat_room", v3.channels().get(0).pointer());
    assertEquals("/channels/~1ws~1chat~1{room}/publish", v2.channels().get(0).receives().get(0).pointer());
    assertEquals("/operations/handle_chat", v3.channels().get(0).receives().get(0).pointer());
  }

  @ParameterizedTest
  @ValueSource(strings = {"2.0.0", "2.1.0", "2.2.0", "2.3.0", "2.4.0", "2.5.0"})
  void earlierTwoPointXVersionsReadLikeTwoPointSix(String version, @TempDir Path dir) throws Exception {
    String text = Files.readString(Fixtures.path("twins/chat-2.6.yaml"), StandardCharsets.UTF_8);
    Path older = dir.resolve("chat.yaml");
    Files.writeString(older, text.replace("asyncapi: 2.6.0", "asyncapi: " + version), StandardCharsets.UTF_8);
    ApiModel model;
    try {
      model = SpecReader.read(older, null);
    } catch (SpecException e) {
      throw new AssertionError(e.getMessage(), e);
    }
    assertEquals(version, model.asyncapiVersion());
    assertEquals(List.of(), ModelDiff.between(v2, model));
  }
}
