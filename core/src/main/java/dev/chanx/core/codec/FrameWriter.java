package dev.chanx.core.codec;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.core.util.ByteArrayBuilder;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.databind.node.TextNode;
import dev.chanx.core.message.Message;
import dev.chanx.core.message.ValueMessage;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.function.UnaryOperator;

/**
 * Writes the message frame, the one writer of it for the server, the client and the test kit:
 * a JSON object of the message's fields, then the {@code ref} it echoes or carries, written once
 * straight to UTF-8 (a {@link ValueMessage}'s frame is its value alone). The server may write the
 * fields through another generator (its camelCase option); the {@code ref} always goes as it came.
 * Binary messages are no text: the server and the client send their bytes themselves.
 */
public final class FrameWriter {

  /** Writes the fields of a frame's object, without the braces. */
  @FunctionalInterface
  public interface Fields {

    /**
     * Writes the fields.
     *
     * @param out the generator, inside the frame's object
     * @throws IOException when the generator fails
     */
    void write(JsonGenerator out) throws IOException;
  }

  // A mapper's factory: its codec lets a generator copy a tree (the ref echo).
  private static final JsonFactory FACTORY = JsonMapper.builder().build().getFactory();
  // One growable buffer per thread: a frame is written completely before the next one starts.
  private static final ThreadLocal<ByteArrayBuilder> BUFFER =
      ThreadLocal.withInitial(() -> new ByteArrayBuilder(256));
  private static final int MAX_RETAINED = 64 * 1024;

  private FrameWriter() {}

  /**
   * {@return the frame of a message}
   *
   * @param message the message
   */
  public static TextFrame write(Message message) {
    return write(message, null, null);
  }

  /**
   * {@return the frame of a message: its fields in an object, then {@code ref} when not null; a
   * {@link ValueMessage} is its value alone, which has no room for a {@code ref}}
   *
   * @param message the message, not a {@link dev.chanx.core.message.BinaryMessage}
   * @param ref the {@code ref} to echo, or null
   * @param through wraps the generator the fields are written to, or null
   */
  public static TextFrame write(Message message, JsonNode ref, UnaryOperator<JsonGenerator> through) {
    if (message instanceof ValueMessage value) {
      return value(value, through);
    }
    return write(message::writeFields, ref, through);
  }

  private static TextFrame value(ValueMessage message, UnaryOperator<JsonGenerator> through) {
    ByteArrayBuilder buffer = BUFFER.get();
    buffer.reset();
    try (JsonGenerator out = FACTORY.createGenerator(buffer)) {
      message.writeJson(through == null ? out : through.apply(out));
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    byte[] bytes = buffer.toByteArray();
    if (bytes.length > MAX_RETAINED) {
      BUFFER.remove();
    }
    return TextFrame.ofUtf8(bytes);
  }

  /**
   * {@return the frame of a message that answers a client frame carrying {@code ref}}
   *
   * @param message the message
   * @param ref the client frame's {@code ref}, or null
   */
  public static TextFrame write(Message message, JsonNode ref) {
    return write(message, ref, null);
  }

  /**
   * {@return a frame whose fields {@code fields} writes, then {@code ref} when not null}
   *
   * @param fields writes the fields
   * @param ref the {@code ref} to echo, or null
   */
  public static TextFrame write(Fields fields, JsonNode ref) {
    return write(fields, ref, null);
  }

  /**
   * {@return a frame whose fields {@code fields} writes through the generator {@code through}
   * makes of the frame's (the frame's own when null), then {@code ref} when not null}
   *
   * @param fields writes the fields
   * @param ref the {@code ref} to echo, or null
   * @param through wraps the generator the fields are written to, or null
   */
  public static TextFrame write(Fields fields, JsonNode ref, UnaryOperator<JsonGenerator> through) {
    ByteArrayBuilder buffer = BUFFER.get();
    buffer.reset();
    try (JsonGenerator out = FACTORY.createGenerator(buffer)) {
      out.writeStartObject();
      fields.write(through == null ? out : through.apply(out));
      if (ref != null) {
        out.writeFieldName("ref");
        out.writeTree(ref);
      }
      out.writeEndObject();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    byte[] bytes = buffer.toByteArray();
    if (bytes.length > MAX_RETAINED) {
      BUFFER.remove();
    }
    return TextFrame.ofUtf8(bytes);
  }

  /**
   * {@return the text of a message's frame as a client sends it, with {@code "ref"} last when
   * {@code ref} is not null}
   *
   * @param message the message
   * @param ref the frame's {@code ref}, or null
   */
  public static String text(Message message, String ref) {
    return write(message, ref == null ? null : TextNode.valueOf(ref), null).text();
  }
}
