package dev.chanx.server.docs;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;

/** The JSON schema of each runtime frame, as a whole frame (action and payload), in Chanx's style. */
final class RuntimeFrameSchemas {

  private static final JsonNodeFactory JSON = JsonNodeFactory.instance;

  private RuntimeFrameSchemas() {}

  /** The schema of a whole frame. */
  static ObjectNode frame(RuntimeFrame frame) {
    ObjectNode schema = object(frame.title());
    ObjectNode properties = schema.putObject("properties");
    properties.putObject("action").put("const", frame.action()).put("default", frame.action())
        .put("title", "Action").put("type", "string");
    properties.set("payload", payload(frame));
    schema.putArray("required").add("payload");
    return schema;
  }

  private static ObjectNode payload(RuntimeFrame frame) {
    return switch (frame) {
      case ERROR -> {
        ObjectNode payload = JSON.objectNode().put("title", "Payload");
        ArrayNode oneOf = payload.putArray("oneOf");
        ObjectNode problem = object("ValidationProblem");
        ObjectNode p = problem.putObject("properties");
        p.putObject("type").put("type", "string").put("description", "A code such as missing or string_type.");
        p.putObject("loc").put("type", "array").put("description", "The action, then the path inside the frame.")
            .putObject("items").putArray("type").add("string").add("integer");
        p.putObject("msg").put("type", "string");
        problem.putArray("required").add("type").add("loc").add("msg");
        oneOf.addObject().put("type", "array").put("title", "Validation errors").set("items", problem);
        oneOf.add(detail("Failure"));
        yield payload;
      }
      case AUTHENTICATION -> {
        ObjectNode payload = object("AuthenticationPayload");
        ObjectNode p = payload.putObject("properties");
        p.putObject("status_code").put("type", "integer").put("description", "200, 401 or 403.");
        p.putObject("status_text").put("type", "string");
        p.set("data", detail("AuthenticationData"));
        payload.putArray("required").add("status_code").add("status_text").add("data");
        yield payload;
      }
      case RECOVERY -> {
        ObjectNode group = object("GroupRecovery");
        ObjectNode p = group.putObject("properties");
        p.putObject("status").put("type", "string").put("description",
            "new (no position presented), recovered (the missed frames follow) or failed.")
            .putArray("enum").add("new").add("recovered").add("failed");
        p.putObject("reason").put("type", "string").put("description",
            "Why recovery failed: epoch_changed, window_exceeded or unknown_position.");
        p.putObject("epoch").put("type", "string").put("description", "The group history's epoch.");
        p.putObject("offset").put("type", "integer").put("minimum", 0)
            .put("description", "The client's position now: frames after it follow.");
        p.putObject("missed").put("type", "integer").put("minimum", 0)
            .put("description", "How many missed frames follow, when recovered.");
        group.putArray("required").add("status").add("epoch").add("offset");
        ObjectNode payload = object("RecoveryPayload");
        payload.put("description", "Each joined group's recovery, by group name.");
        payload.set("additionalProperties", group);
        yield payload;
      }
      default -> JSON.objectNode().put("default", (String) null).put("title", "Payload").put("type", "null");
    };
  }

  private static ObjectNode detail(String title) {
    ObjectNode detail = object(title);
    detail.putObject("properties").putObject("detail").put("type", "string");
    detail.putArray("required").add("detail");
    return detail;
  }

  private static ObjectNode object(String title) {
    return JSON.objectNode().put("title", title).put("type", "object");
  }
}
