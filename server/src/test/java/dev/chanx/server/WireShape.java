package dev.chanx.server;

import com.fasterxml.jackson.core.StreamReadFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.json.JsonMapper;

/** Checks that an outgoing frame has the wire protocol's shape, errors included. */
final class WireShape {

  private static final ObjectMapper STRICT = JsonMapper.builder()
      .enable(StreamReadFeature.STRICT_DUPLICATE_DETECTION).build();

  private WireShape() {}

  /** What is wrong with a frame the server sent, or null when it is well-formed. */
  static String problem(String frame) {
    JsonNode json;
    try {
      json = STRICT.readTree(frame);
    } catch (Exception e) {
      return "not JSON: " + e.getMessage();
    }
    if (json == null || !json.isObject() || !json.path("action").isTextual() || !json.has("payload")) {
      return "not an object with a string action and a payload";
    }
    if (!json.get("action").asText().equals("error")) {
      return null;
    }
    JsonNode payload = json.get("payload");
    if (payload.isObject()) {
      return payload.path("detail").isTextual() && payload.size() == 1 ? null : "an error object without just a detail";
    }
    if (!payload.isArray() || payload.isEmpty()) {
      return "an error payload that is neither a detail nor a non-empty list";
    }
    for (JsonNode error : payload) {
      if (!error.path("type").isTextual() || !error.path("loc").isArray() || !error.path("msg").isTextual()
          || error.size() != 3) {
        return "an error entry that is not {type, loc, msg}";
      }
    }
    return null;
  }
}
