package dev.chanx.gen.read;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import org.junit.jupiter.api.Test;

/** What a user of a 2.x document reads when it is wrong, word for word. */
class V2ProblemMessagesTest {

  @Test
  void brokenMessageRefNamesFilePointerAndLine() {
    assertEquals(List.of("broken-ref.yaml#/channels/~1ws~1chat~1{room}/publish/message/oneOf/0 (line 11): "
        + "$ref '#/components/messages/sayy' leads nowhere. Did you mean '#/components/messages/say'?"),
        Fixtures.problems("v2/broken-ref.yaml"));
  }

  @Test
  void structureParametersNamesAndFormatsAreAllReported() {
    assertEquals(List.of(
        "problems.yaml#/channels/~1ws~1chat~1{room}/parameters/user (line 8): parameter 'user' of channel "
            + "'ws_chat_room' is not in its address '/ws/chat/{room}'. Add {user} to the address, or remove the parameter.",
        "problems.yaml#/channels/~1ws~1chat~1{room}/publish/operationID (line 11): unknown field 'operationID'. "
            + "Did you mean 'operationId'?",
        "problems.yaml#/channels/~1ws~1chat~1{room}/publish/message/description (line 13): "
            + "unknown field 'description'. Use only oneOf here.",
        "problems.yaml#/channels/~1other/x-channelId (line 19): x-channelId 'Chat' of channel '/other' "
            + "names channel '/lobby' already. Give each channel its own x-channelId; it names the channel's package.",
        "problems.yaml#/channels/~1other/subscribe/message/schemaFormat (line 23): payload schema format "
            + "'application/vnd.apache.avro;version=1.9.0' is not supported. "
            + "Write the payload as a JSON Schema (AsyncAPI schema format).",
        "problems.yaml#/channels/~1ws~1ping/publish/operationId (line 27): operationId 'ping_all' is used by "
            + "problems.yaml#/channels/~1other/subscribe already. Give each operation its own operationId."),
        Fixtures.problems("v2/problems.yaml"));
  }

  @Test
  void objectsInReferencedFilesAreStructureCheckedToo() {
    assertEquals(List.of(
        "messages.yaml#/say/sumary (line 2): unknown field 'sumary'. Did you mean 'summary'?",
        "messages.yaml#/say/examples/0/paylod (line 8): unknown field 'paylod'. Did you mean 'payload'?"),
        Fixtures.problems("v2/typo-in-other-file/chat.yaml"));
  }

  @Test
  void versionsAfterTwoPointSixAreNotGuessed() {
    assertEquals(List.of("asyncapi-2.7.yaml#/asyncapi (line 1): AsyncAPI version '2.7.0' is not supported. "
        + "Use asyncapi: 3.0.0 (2.0 to 2.6, 3.0 and 3.1 are read)."),
        Fixtures.problems("v2/asyncapi-2.7.yaml"));
  }
}
