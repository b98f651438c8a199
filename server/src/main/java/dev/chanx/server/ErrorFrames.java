package dev.chanx.server;

import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.databind.JsonNode;
import dev.chanx.core.codec.FrameWriter;
import dev.chanx.core.codec.TextFrame;
import dev.chanx.core.message.ValidationError;
import java.io.IOException;
import java.util.List;

/** The {@code error} frames of the wire protocol, byte for byte as Chanx sends them. */
final class ErrorFrames {

  private static final TextFrame GENERIC = detail("Failed to process message", null);
  private static final TextFrame BINARY = jsonInvalid(
      "Invalid JSON: binary frames are not accepted, send a text frame", null);

  private ErrorFrames() {}

  /** Validation problems: a list of {type, loc, msg}. */
  static TextFrame validation(List<ValidationError> errors, JsonNode ref) {
    return FrameWriter.write(out -> {
      out.writeStringField("action", "error");
      out.writeArrayFieldStart("payload");
      for (ValidationError error : errors) {
        writeError(out, error.type(), error.loc(), error.msg());
      }
      out.writeEndArray();
    }, ref);
  }

  /** Text that is not a JSON object. */
  static TextFrame jsonInvalid(String msg, JsonNode ref) {
    return validation(List.of(new ValidationError("json_invalid", List.of(), msg)), ref);
  }

  /** A binary frame, which the protocol does not use. */
  static TextFrame binary() {
    return BINARY;
  }

  /** A handler that threw while handling the message with this tag. */
  static TextFrame handlerFailed(String tag, JsonNode ref) {
    return detail("Failed to process message for " + tag, ref);
  }

  /** Any other failure. */
  static TextFrame generic(JsonNode ref) {
    return ref == null ? GENERIC : detail("Failed to process message", ref);
  }

  private static TextFrame detail(String detail, JsonNode ref) {
    return FrameWriter.write(out -> {
      out.writeStringField("action", "error");
      out.writeObjectFieldStart("payload");
      out.writeStringField("detail", detail);
      out.writeEndObject();
    }, ref);
  }

  private static void writeError(JsonGenerator out, String type, List<Object> loc, String msg)
      throws IOException {
    out.writeStartObject();
    out.writeStringField("type", type);
    out.writeArrayFieldStart("loc");
    for (Object part : loc) {
      if (part instanceof Integer || part instanceof Long) {
        out.writeNumber(((Number) part).longValue());
      } else {
        out.writeString(String.valueOf(part));
      }
    }
    out.writeEndArray();
    out.writeStringField("msg", msg);
    out.writeEndObject();
  }
}
