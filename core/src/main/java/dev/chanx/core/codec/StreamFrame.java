package dev.chanx.core.codec;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;

/**
 * What a stream reader learns about a frame besides its message: the tag that picked the message
 * and the {@code ref} to echo. One per frame; the top-level keys no schema declares come here.
 */
public final class StreamFrame {

  private final boolean readsTraceparent;
  private String tag;
  private JsonNode ref;
  private boolean refSeen;
  private String traceparent;

  /** A frame whose only key beside the message's is {@code ref}. */
  public StreamFrame() {
    this(false);
  }

  /**
   * A frame that may also carry a top-level {@code traceparent} (a string), as it does when the
   * server reads trace context from client frames.
   *
   * @param readsTraceparent whether {@code traceparent} is taken
   */
  public StreamFrame(boolean readsTraceparent) {
    this.readsTraceparent = readsTraceparent;
  }

  /**
   * Reads the start of a frame: an object whose first key (after {@code ref}, if that comes
   * first) is the discriminator, with a string value.
   *
   * @param json the parser, before the frame's first token
   * @param discriminator the name of the property that picks the message
   * @return the discriminator's value
   * @throws IOException when the parser fails
   * @throws StreamMiss when the frame does not start that way
   */
  public String tag(JsonParser json, String discriminator) throws IOException {
    if (json.nextToken() != JsonToken.START_OBJECT) {
      throw StreamMiss.INSTANCE;
    }
    String key = json.nextFieldName();
    if ("ref".equals(key) && !discriminator.equals(key)) {
      other(json, key);
      key = json.nextFieldName();
    }
    if (!discriminator.equals(key) || json.nextToken() != JsonToken.VALUE_STRING) {
      throw StreamMiss.INSTANCE;
    }
    tag = json.getText();
    return tag;
  }

  /**
   * Takes a top-level key that the message's schema does not declare: only the {@code ref}
   * Chanx reserves, once, and the {@code traceparent} string when it is read.
   *
   * @param json the parser, on the key
   * @param key the key
   * @throws IOException when the parser fails
   * @throws StreamMiss for any other key, or a second {@code ref}
   */
  public void other(JsonParser json, String key) throws IOException {
    if (readsTraceparent && traceparent == null && "traceparent".equals(key)) {
      if (json.nextToken() != JsonToken.VALUE_STRING) {
        throw StreamMiss.INSTANCE;
      }
      traceparent = json.getText();
      return;
    }
    if (refSeen || !"ref".equals(key)) {
      throw StreamMiss.INSTANCE;
    }
    refSeen = true;
    json.nextToken();
    JsonNode value = Tokens.tree(json);
    ref = value.isNull() ? null : value;
  }

  /**
   * {@return the discriminator's value, once {@link #tag} has read it}
   */
  public String tag() {
    return tag;
  }

  /**
   * {@return the frame's {@code traceparent}, or null when it has none or it is not read}
   */
  public String traceparent() {
    return traceparent;
  }

  /**
   * {@return the frame's {@code ref}, or null when it has none (or it is JSON null)}
   */
  public JsonNode ref() {
    return ref;
  }
}
