package dev.chanx.gen.read;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.chanx.gen.model.ApiModel;
import dev.chanx.gen.model.Channel;
import dev.chanx.gen.model.Message;
import dev.chanx.gen.model.Schema;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * A document split over files: chat.yaml refers to schemas/frames.yaml, which refers to
 * common.yaml relative to itself (schemas/common.yaml), the case other generators get wrong.
 */
class MultiFileDocumentTest {

  private final ApiModel model = Fixtures.read("multi-file/chat.yaml");

  @Test
  void namesSchemasOfOtherFilesByTheirRelativePath() {
    assertEquals(List.of(
        "schemas/frames.yaml#/components/schemas/Say",
        "schemas/common.yaml#/definitions/Text",
        "schemas/frames.yaml#/components/schemas/Ping",
        "schemas/frames.yaml#/components/schemas/Instant"),
        List.copyOf(model.schemas().keySet()));
    Schema text = model.schemas().get("schemas/common.yaml#/definitions/Text");
    assertEquals("Text", text.name());
    assertEquals(List.of("text"), text.required());
    assertEquals(1, text.properties().get("text").minLength());
    assertEquals("schemas/common.yaml#/definitions/Text/properties/text", text.properties().get("text").pointer());
  }

  @Test
  void resolvesLocalRefsInsideAnotherFileAgainstThatFile() {
    Schema ping = model.schemas().get("schemas/frames.yaml#/components/schemas/Ping");
    assertEquals("schemas/frames.yaml#/components/schemas/Instant", ping.properties().get("sent_at").ref());
    assertEquals("date-time", model.resolve(ping.properties().get("sent_at")).format());
  }

  @Test
  void messagesFromBothFilesAreTagged() {
    Channel chat = model.channel("chat").orElseThrow();
    assertEquals("action", chat.discriminator());
    assertEquals(List.of("say", "ping"), chat.clientMessages().stream().map(Message::tag).toList());
    assertEquals(List.of("/components/messages/say", "/channels/chat/messages/ping"),
        chat.clientMessages().stream().map(Message::pointer).toList());
    assertEquals("room", chat.parameters().get(0).name());
    assertEquals("chat.yaml", model.source());
  }

  @Test
  void objectsInAnotherFileAreStructureChecked() {
    assertEquals(List.of(
        "messages.yaml#/say/titel (line 2): unknown field 'titel'. "
            + "Check the spelling against the AsyncAPI specification; extension fields start with x-.",
        "messages.yaml#/say/correlationId/locaton (line 4): unknown field 'locaton'. Did you mean 'location'?"),
        Fixtures.problems("structure-in-other-file/chat.yaml"));
  }

  @Test
  void cycleAcrossFilesIsReported() {
    assertEquals(List.of("loop.yaml#/Loop (line 2): "
        + "$ref 'chat.yaml#/components/schemas/Loop' closes a cycle: "
        + "/components/schemas/Loop -> loop.yaml#/Loop -> /components/schemas/Loop. "
        + "A chain of references must end at an object that is not itself only a reference."),
        Fixtures.problems("cycle-across-files/chat.yaml"));
  }
}
