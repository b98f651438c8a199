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
 * @param tags the values of the channel's discriminator that pick this message among those of its
 *     side (what clients send, or what the server sends): its constant, or every value of its
 *     string {@code enum} when no other message of that side has one of them; empty when the
 *     discriminator does not pick it
 * @param wrapperKey a top-level key that this message requires and no other message of its side
 *     names, such as {@code subscribe}: a frame without a tag for it that has the key is read as
 *     this message; null when it has none or is picked by {@code tags}
 * @param examples example frames taken from the message's {@code examples[].payload}
 * @param correlationId the location of the correlation id, such as
 *     {@code $message.payload#/reqid}, or null
 * @param contentType the message's {@code contentType}, else the document's
 *     {@code defaultContentType}; null when neither names one (JSON)
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
    List<String> tags,
    String wrapperKey,
    List<JsonNode> examples,
    String correlationId,
    String contentType) {

  public Message {
    tags = List.copyOf(tags);
    examples = List.copyOf(examples);
  }

  /** A message picked by its constant {@code tag} alone (or by nothing, when it is null). */
  public Message(String key, String name, String title, String summary, String description, String pointer,
      Schema payload, String tag, List<JsonNode> examples, String correlationId) {
    this(key, name, title, summary, description, pointer, payload, tag, tag == null ? List.of() : List.of(tag),
        null, examples, correlationId, null);
  }

  /**
   * {@return whether the message travels in binary frames: its content type is not JSON (such as
   * {@code application/octet-stream} or {@code audio/wav}), or its payload is a string of format
   * {@code binary} without a JSON content type}
   *
   * @param resolved the payload with its references followed
   */
  public boolean binary(Schema resolved) {
    return isBinary(contentType, resolved);
  }

  /**
   * {@return whether a message of this content type (null: none given) and resolved payload
   * travels in binary frames}
   *
   * @param contentType the message's content type, or null
   * @param resolved its payload with its references followed
   */
  public static boolean isBinary(String contentType, Schema resolved) {
    if (contentType != null) {
      return !isJson(contentType);
    }
    return resolved.types().equals(java.util.Set.of(JsonType.STRING)) && "binary".equals(resolved.format());
  }

  /** {@return whether a content type is JSON: {@code application/json} or a {@code +json} type} */
  public static boolean isJson(String contentType) {
    String type = contentType.split(";", 2)[0].trim().toLowerCase(java.util.Locale.ROOT);
    return type.equals("application/json") || type.endsWith("+json") || type.equals("text/json");
  }
}
