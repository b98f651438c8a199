package dev.chanx.testkit;

import static org.junit.jupiter.api.Assertions.fail;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.chanx.core.message.Message;

/** Frames back to messages, for test clients: read with plain Jackson (clients write frames with core's {@code FrameWriter}). */
final class Messages {

  private static final ObjectMapper MAPPER = new ObjectMapper()
      .configure(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES, false);

  private Messages() {}

  /**
   * A frame bound to a message type with Jackson (generated records carry its annotations), or a
   * failed test when it is not that message; for tests, never the server's hot path.
   */
  static <T extends Message> T read(Frame frame, Class<T> type) {
    if (!(frame.json() instanceof ObjectNode object)) {
      return fail("expected " + type.getSimpleName() + ", got a frame that is no JSON object: " + frame);
    }
    ObjectNode fields = object.deepCopy();
    fields.remove("ref");
    T value;
    try {
      value = MAPPER.treeToValue(fields, type);
    } catch (JsonProcessingException | IllegalArgumentException e) {
      return fail("expected " + type.getSimpleName() + ", got " + frame + ", which does not read as one: " + e.getMessage());
    }
    if (!value.wireTag().equals(frame.action())) {
      return fail("expected " + type.getSimpleName() + " (action " + value.wireTag() + "), got " + frame);
    }
    return value;
  }
}
