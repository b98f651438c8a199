package dev.chanx.client;

import com.fasterxml.jackson.databind.JsonNode;
import dev.chanx.core.message.Decoded;
import dev.chanx.core.message.ValidationError;
import dev.chanx.server.testing.chat.ChatMessagePayload;
import dev.chanx.server.testing.chat.ChatServerMessage;
import dev.chanx.server.testing.chat.EchoMessage;
import dev.chanx.server.testing.chat.NewChatMessage;
import dev.chanx.server.testing.chat.PongMessage;
import java.util.List;

/** Decodes the test chat's server frames the way a generated decoder does; {@code notice} is left out on purpose. */
final class ChatFrames {

  private ChatFrames() {}

  static Decoded<ChatServerMessage> decode(JsonNode frame) {
    String tag = frame.path("action").asText();
    JsonNode payload = frame.path("payload");
    return switch (tag) {
      case "pong" -> Decoded.valid(tag, new PongMessage());
      case "echo" -> Decoded.valid(tag, new EchoMessage(payload.asText()));
      case "new_chat_message" -> Decoded.valid(tag, new NewChatMessage(
          new ChatMessagePayload(payload.path("message").asText(), payload.path("name").asText())));
      default -> Decoded.invalid(null, List.of(new ValidationError("union_tag_invalid", List.of(), tag)));
    };
  }
}
