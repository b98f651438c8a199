package dev.chanx.runtime.client;

import com.fasterxml.jackson.databind.JsonNode;
import dev.chanx.runtime.message.Decoded;
import dev.chanx.runtime.message.ValidationError;
import dev.chanx.runtime.testing.ChatMessages.ChatPayload;
import dev.chanx.runtime.testing.ChatMessages.ChatServerMessage;
import dev.chanx.runtime.testing.ChatMessages.Echo;
import dev.chanx.runtime.testing.ChatMessages.NewChatMessage;
import dev.chanx.runtime.testing.ChatMessages.Pong;
import java.util.List;

/** Decodes the test chat's server frames the way a generated decoder does; {@code notice} is left out on purpose. */
final class ChatFrames {

  private ChatFrames() {}

  static Decoded<ChatServerMessage> decode(JsonNode frame) {
    String tag = frame.path("action").asText();
    JsonNode payload = frame.path("payload");
    return switch (tag) {
      case "pong" -> Decoded.valid(tag, new Pong());
      case "echo" -> Decoded.valid(tag, new Echo(payload.asText()));
      case "new_chat_message" -> Decoded.valid(tag, new NewChatMessage(
          new ChatPayload(payload.path("message").asText(), payload.path("name").asText())));
      default -> Decoded.invalid(null, List.of(new ValidationError("union_tag_invalid", List.of(), tag)));
    };
  }
}
