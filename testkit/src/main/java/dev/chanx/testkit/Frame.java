package dev.chanx.testkit;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.MissingNode;

/**
 * One text frame a test client received: its text, and its JSON when it is JSON.
 *
 * @param text the frame exactly as it arrived
 * @param json the parsed frame, or a missing node when the text is no JSON
 */
public record Frame(String text, JsonNode json) {

  private static final ObjectMapper JSON = new ObjectMapper();

  /**
   * Parses a frame's text.
   *
   * @param text the frame's JSON text
   * @return the parsed frame
   */
  public static Frame of(String text) {
    try {
      return new Frame(text, JSON.readTree(text));
    } catch (JsonProcessingException e) {
      return new Frame(text, MissingNode.getInstance());
    }
  }

  /**
   * {@return the frame's {@code action}, or null when it has none}
   */
  public String action() {
    JsonNode action = json.get("action");
    return action == null || !action.isTextual() ? null : action.textValue();
  }

  /**
   * {@return the frame's {@code payload}: a missing node when absent}
   */
  public JsonNode payload() {
    return json.path("payload");
  }

  /**
   * {@return the frame's {@code ref} as text, or null when it has none}
   */
  public String ref() {
    JsonNode ref = json.get("ref");
    return ref == null || ref.isNull() ? null : ref.isTextual() ? ref.textValue() : ref.toString();
  }

  /**
   * {@return the {@code topic} the frame is on (Chanx 2.10's topic wire), or null for a channel frame}
   */
  public String topic() {
    JsonNode topic = json.get("topic");
    return topic == null || !topic.isTextual() ? null : topic.textValue();
  }

  /**
   * {@return whether this is an {@code error} frame}
   */
  public boolean isError() {
    return "error".equals(action());
  }

  @Override
  public String toString() {
    return text;
  }
}
