package dev.chanx.testkit;

import com.fasterxml.jackson.databind.JsonNode;
import dev.chanx.core.message.Decoded;
import dev.chanx.core.message.ValidationError;
import dev.chanx.server.testing.chat.ChatMessagePayload;
import dev.chanx.server.testing.chat.ChatServerMessage;
import dev.chanx.server.testing.chat.EchoMessage;
import dev.chanx.server.testing.chat.NewChatMessage;
import dev.chanx.server.testing.chat.NoticeMessage;
import dev.chanx.server.testing.chat.PongMessage;
import java.util.List;

/** Reads what the test chat's server sends, as a generated server-frame decoder would. */
final class ChatServerFrames {

  private ChatServerFrames() {}

  static Decoded<ChatServerMessage> decode(JsonNode frame) {
    String action = frame.path("action").asText();
    JsonNode payload = frame.path("payload");
    return switch (action) {
      case "pong" -> Decoded.valid(action, new PongMessage());
      case "echo" -> Decoded.valid(action, new EchoMessage(payload.asText()));
      case "notice" -> Decoded.valid(action, new NoticeMessage(payload.asText()));
      case "new_chat_message" -> Decoded.valid(action,
          new NewChatMessage(new ChatMessagePayload(payload.path("message").asText(), payload.path("name").asText())));
      default -> Decoded.invalid(null, List.of(new ValidationError("union_tag_invalid", List.of(), "unknown " + action)));
    };
  }
}
