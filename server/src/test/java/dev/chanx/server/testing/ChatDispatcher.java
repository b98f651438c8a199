package dev.chanx.server.testing;

import com.fasterxml.jackson.databind.JsonNode;
import dev.chanx.server.channel.Connection;
import dev.chanx.server.channel.Dispatcher;
import dev.chanx.core.message.Decoded;
import dev.chanx.core.message.ValidationError;
import dev.chanx.server.testing.ChatMessages.Boom;
import dev.chanx.server.testing.ChatMessages.ChatClientMessage;
import dev.chanx.server.testing.ChatMessages.ChatPayload;
import dev.chanx.server.testing.ChatMessages.ChatServerMessage;
import dev.chanx.server.testing.ChatMessages.NewChatMessage;
import dev.chanx.server.testing.ChatMessages.Ping;
import dev.chanx.server.testing.ChatMessages.Slow;
import java.util.ArrayList;
import java.util.List;

/** The chat channel's dispatcher, hand-written the way the generator writes one. */
public final class ChatDispatcher implements Dispatcher<ChatHandler, ChatClientMessage, ChatServerMessage, ChatPath> {

  @Override
  public String discriminator() {
    return "action";
  }

  @Override
  public Decoded<ChatClientMessage> decode(JsonNode frame) {
    JsonNode action = frame.get("action");
    if (action == null || !action.isTextual()) {
      return Decoded.invalid(null, List.of(new ValidationError("union_tag_not_found", List.of(),
          "Unable to extract tag using discriminator 'action'")));
    }
    String tag = action.asText();
    JsonNode payload = frame.get("payload");
    return switch (tag) {
      case "new_chat_message" -> chat(payload);
      case "ping" -> Decoded.valid(tag, new Ping());
      case "boom" -> Decoded.valid(tag, new Boom());
      case "slow" -> Decoded.valid(tag, new Slow(payload == null ? "" : payload.asText()));
      default -> Decoded.invalid(null, List.of(new ValidationError("union_tag_invalid", List.of(),
          "Input tag '" + tag + "' found using 'action' does not match any of the expected tags: "
              + "'new_chat_message', 'ping', 'boom', 'slow'")));
    };
  }

  private static Decoded<ChatClientMessage> chat(JsonNode payload) {
    String tag = "new_chat_message";
    if (payload == null || !payload.isObject()) {
      return Decoded.invalid(tag, List.of(new ValidationError("model_type", List.of(tag, "payload"),
          "Input should be a valid dictionary or instance of ChatMessagePayload")));
    }
    List<ValidationError> errors = new ArrayList<>();
    for (String field : List.of("message", "name")) {
      if (!payload.has(field)) {
        errors.add(new ValidationError("missing", List.of(tag, "payload", field), "Field required"));
      } else if (!payload.get(field).isTextual()) {
        errors.add(new ValidationError("string_type", List.of(tag, "payload", field),
            "Input should be a valid string"));
      }
    }
    if (!errors.isEmpty()) {
      return Decoded.invalid(tag, errors);
    }
    return Decoded.valid(tag, new NewChatMessage(
        new ChatPayload(payload.get("message").asText(), payload.get("name").asText())));
  }

  @Override
  public ChatServerMessage dispatch(ChatClientMessage message, ChatHandler handler,
      Connection<ChatServerMessage, ChatPath> connection) throws Exception {
    if (message instanceof NewChatMessage m) {
      return handler.onNewChatMessage(m, connection);
    } else if (message instanceof Ping m) {
      return handler.onPing(m, connection);
    } else if (message instanceof Boom m) {
      return handler.onBoom(m, connection);
    } else if (message instanceof Slow m) {
      return handler.onSlow(m, connection);
    }
    throw new IllegalStateException("unhandled " + message);
  }
}
