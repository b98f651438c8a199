package dev.chanx.testkit;

import static org.junit.jupiter.api.Assertions.fail;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.core.JsonGenerator;
import dev.chanx.core.message.Message;
import java.io.IOException;
import java.io.StringWriter;
import java.io.UncheckedIOException;

/** Messages to frames and back, for test clients: written as clients write them, read with plain Jackson. */
final class Messages {

  // A mapper's factory, so that a message writing a tree can.
  private static final ObjectMapper MAPPER = new ObjectMapper()
      .configure(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES, false);
  private static final JsonFactory JSON = MAPPER.getFactory();

  private Messages() {}

  /** The frame of a message, with {@code "ref"} last when not null. */
  static String write(Message message, String ref) {
    StringWriter text = new StringWriter();
    try (JsonGenerator out = JSON.createGenerator(text)) {
      out.writeStartObject();
      message.writeFields(out);
      if (ref != null) {
        out.writeStringField("ref", ref);
      }
      out.writeEndObject();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return text.toString();
  }

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
