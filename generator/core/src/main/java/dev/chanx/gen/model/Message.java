package dev.chanx.gen.model;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.List;

/**
 * A message: one kind of frame, whose payload schema describes the whole JSON frame.
 *
 * @param key the message's key (under the channel's or the components' {@code messages})
 * @param name the message's {@code name} field, or null
 * @param title the message's title, or null
 * @param summary the message's summary, or null
 * @param description the message's description, or null
 * @param pointer where the message object is defined (after following references), as a JSON
 *     pointer; two messages are the same message when their pointers are equal
 * @param payload the schema of the whole frame
 * @param tag the constant value of the channel's discriminator property in this message, such
 *     as {@code ping}; null when the message has none
 * @param examples example frames taken from the message's {@code examples[].payload}
 * @param correlationId the location of the correlation id, such as
 *     {@code $message.payload#/reqid}, or null
 */
public record Message(
    String key,
    String name,
    String title,
    String summary,
    String description,
    String pointer,
    Schema payload,
    String tag,
    List<JsonNode> examples,
    String correlationId) {

  public Message {
    examples = List.copyOf(examples);
  }
}
