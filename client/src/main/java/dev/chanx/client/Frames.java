package dev.chanx.client;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.chanx.core.message.ValidationError;
import java.util.ArrayList;
import java.util.List;

/** Server frames in: read, their {@code ref} taken, error frames recognised. */
final class Frames {

  private static final ObjectMapper MAPPER = new ObjectMapper();

  private Frames() {}

  /** The frame as an object, or null when the text is no JSON object. */
  static ObjectNode read(String text) {
    return parse(text) instanceof ObjectNode object ? object : null;
  }

  /** The frame as JSON, or null when the text is no JSON. */
  static JsonNode parse(String text) {
    try {
      return MAPPER.readTree(text);
    } catch (JsonProcessingException e) {
      return null;
    }
  }

  /** The problem reported for a binary frame on a channel where the server sends no binary data. */
  static ValidationError unexpectedBinary() {
    return new ValidationError("json_invalid", List.of(), "Invalid JSON: binary frames are not expected here");
  }

  /** Removes and returns the frame's {@code ref} as text, or null when it has none. */
  static String takeRef(ObjectNode frame) {
    JsonNode ref = frame.remove("ref");
    return ref == null || ref.isNull() ? null : ref.isTextual() ? ref.textValue() : ref.toString();
  }

  /** The error frame this is ({@code action} {@code error} with a list or a detail), or null. */
  static ErrorFrame error(ObjectNode frame) {
    JsonNode action = frame.get("action");
    JsonNode payload = frame.get("payload");
    if (action == null || !"error".equals(action.textValue()) || payload == null) {
      return null;
    }
    if (payload.isObject() && payload.path("detail").isTextual()) {
      return new ErrorFrame.Detail(payload.get("detail").textValue());
    }
    if (!payload.isArray()) {
      return null;
    }
    List<ValidationError> errors = new ArrayList<>(payload.size());
    for (JsonNode error : payload) {
      if (!error.isObject()) {
        return null;
      }
      List<Object> loc = new ArrayList<>();
      for (JsonNode part : error.path("loc")) {
        loc.add(part.canConvertToInt() && part.isIntegralNumber() ? (Object) part.intValue() : part.asText());
      }
      errors.add(new ValidationError(error.path("type").asText(), loc, error.path("msg").asText()));
    }
    return new ErrorFrame.Validation(errors);
  }

  /** The problem reported for text that is no JSON object. */
  static ValidationError notAnObject() {
    return new ValidationError("json_invalid", List.of(), "Invalid JSON: expected an object");
  }
}
