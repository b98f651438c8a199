package dev.chanx.core.message;

import com.fasterxml.jackson.core.JsonGenerator;
import java.io.IOException;

/**
 * A whole frame: the JSON object sent over the socket, discriminator included.
 *
 * <p>Generated message records implement this through their channel's sealed client and server
 * interfaces. {@link #writeFields} lets the runtime add top-level keys (such as {@code ref}) to
 * the same object without a second serialisation.
 */
public interface Message extends JsonWritable {

  /**
   * Writes the frame's fields, discriminator first, without the enclosing braces.
   *
   * @param out the generator to write to
   * @throws IOException when the generator fails to write
   */
  void writeFields(JsonGenerator out) throws IOException;

  /**
   * {@return the discriminator value that names this message on the wire, such as {@code "ping"}}
   */
  String wireTag();

  @Override
  default void writeJson(JsonGenerator out) throws IOException {
    out.writeStartObject();
    writeFields(out);
    out.writeEndObject();
  }
}
