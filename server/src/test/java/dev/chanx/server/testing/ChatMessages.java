package dev.chanx.server.testing;

import com.fasterxml.jackson.core.JsonGenerator;
import dev.chanx.core.message.JsonWritable;
import dev.chanx.core.message.Message;
import java.io.IOException;

/** The test chat channel's messages, written as the generator would write them (no reflection). */
public final class ChatMessages {

  private ChatMessages() {}

  /** What a client may send on the chat channel. */
  public sealed interface ChatClientMessage extends Message permits NewChatMessage, Ping, Boom, Slow {}

  /** What the server may send on the chat channel. */
  public sealed interface ChatServerMessage extends Message permits NewChatMessage, Pong, Echo, Notice {}

  /** The payload of a chat message. */
  public record ChatPayload(String message, String name) implements JsonWritable {
    @Override
    public void writeJson(JsonGenerator out) throws IOException {
      out.writeStartObject();
      out.writeStringField("message", message);
      out.writeStringField("name", name);
      out.writeEndObject();
    }
  }

  /** A chat line, sent by a client and broadcast to the others in its room. */
  public record NewChatMessage(ChatPayload payload) implements ChatClientMessage, ChatServerMessage {
    @Override public String wireTag() { return "new_chat_message"; }

    @Override
    public void writeFields(JsonGenerator out) throws IOException {
      out.writeStringField("action", "new_chat_message");
      out.writeFieldName("payload");
      payload.writeJson(out);
    }
  }

  /** Ping, answered with pong. */
  public record Ping() implements ChatClientMessage {
    @Override public String wireTag() { return "ping"; }

    @Override
    public void writeFields(JsonGenerator out) throws IOException {
      out.writeStringField("action", "ping");
      out.writeNullField("payload");
    }
  }

  /** Pong. */
  public record Pong() implements ChatServerMessage {
    @Override public String wireTag() { return "pong"; }

    @Override
    public void writeFields(JsonGenerator out) throws IOException {
      out.writeStringField("action", "pong");
      out.writeNullField("payload");
    }
  }

  /** A message whose handler throws. */
  public record Boom() implements ChatClientMessage {
    @Override public String wireTag() { return "boom"; }

    @Override
    public void writeFields(JsonGenerator out) throws IOException {
      out.writeStringField("action", "boom");
      out.writeNullField("payload");
    }
  }

  /** A message whose handler waits for the test to open a gate, then answers with echo. */
  public record Slow(String payload) implements ChatClientMessage {
    @Override public String wireTag() { return "slow"; }

    @Override
    public void writeFields(JsonGenerator out) throws IOException {
      out.writeStringField("action", "slow");
      out.writeStringField("payload", payload);
    }
  }

  /** The answer to slow. */
  public record Echo(String payload) implements ChatServerMessage {
    @Override public String wireTag() { return "echo"; }

    @Override
    public void writeFields(JsonGenerator out) throws IOException {
      out.writeStringField("action", "echo");
      out.writeStringField("payload", payload);
    }
  }

  /** A server push. */
  public record Notice(String payload) implements ChatServerMessage {
    @Override public String wireTag() { return "notice"; }

    @Override
    public void writeFields(JsonGenerator out) throws IOException {
      out.writeStringField("action", "notice");
      out.writeStringField("payload", payload);
    }
  }
}
