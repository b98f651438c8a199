package dev.chanx.server;

import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.core.util.ByteArrayBuilder;
import com.fasterxml.jackson.databind.JsonNode;
import dev.chanx.server.layer.TextFrame;
import dev.chanx.core.message.Message;
import java.io.IOException;
import java.io.UncheckedIOException;

/**
 * Serialises an outgoing frame once, straight to UTF-8, optionally echoing a client's {@code ref}
 * and camelizing its keys (never those of the {@code ref}, which goes back as it came).
 */
final class FrameWriter {

  /** Writes the fields of a frame's object, without the braces. */
  @FunctionalInterface
  interface Fields {
    void write(JsonGenerator out) throws IOException;
  }

  // One growable buffer per thread: a frame is written completely before the next one starts.
  private static final ThreadLocal<ByteArrayBuilder> BUFFER =
      ThreadLocal.withInitial(() -> new ByteArrayBuilder(256));
  private static final int MAX_RETAINED = 64 * 1024;

  private FrameWriter() {}

  /** The frame of a message. */
  static TextFrame write(Message message) {
    return write(message::writeFields, null);
  }

  /** The frame of a message that answers a client frame carrying {@code ref}, or null. */
  static TextFrame write(Message message, JsonNode ref) {
    return write(message::writeFields, ref);
  }

  /** The frame of a message, its keys camelized when {@code camelCase}, echoing {@code ref} when not null. */
  static TextFrame write(Message message, JsonNode ref, boolean camelCase) {
    return write(message::writeFields, ref, camelCase);
  }

  /** A frame whose fields are written by {@code fields}, then {@code ref} when not null. */
  static TextFrame write(Fields fields, JsonNode ref) {
    return write(fields, ref, false);
  }

  /** A frame whose fields are written by {@code fields} (through a camelizing generator when asked), then {@code ref}. */
  static TextFrame write(Fields fields, JsonNode ref, boolean camelCase) {
    ByteArrayBuilder buffer = BUFFER.get();
    buffer.reset();
    try (JsonGenerator out = Json.FACTORY.createGenerator(buffer)) {
      out.writeStartObject();
      fields.write(camelCase ? new CamelCaseGenerator(out) : out);
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
}
