package dev.chanx.core.message;

import com.fasterxml.jackson.core.JsonGenerator;
import java.io.IOException;
import java.nio.ByteBuffer;

/**
 * A whole frame of binary data, such as a chunk of audio, carried in a binary WebSocket frame
 * rather than a text one: a message whose content type is not JSON ({@code
 * application/octet-stream}, {@code audio/wav}) or whose payload is a string of format {@code
 * binary}.
 */
public interface BinaryMessage extends Message {

  /** {@return the frame's bytes, a read-only view from the first byte to the last} */
  ByteBuffer data();

  /** {@return a copy of the frame's bytes} */
  default byte[] bytes() {
    ByteBuffer data = data();
    byte[] out = new byte[data.remaining()];
    data.get(out);
    return out;
  }

  /**
   * Not supported: the frame is not JSON.
   *
   * @param out not used
   * @throws UnsupportedOperationException always
   */
  @Override
  default void writeFields(JsonGenerator out) throws IOException {
    throw new UnsupportedOperationException(getClass().getSimpleName() + " is binary data, not JSON");
  }

  /**
   * Not supported: the frame is not JSON.
   *
   * @param out not used
   * @throws UnsupportedOperationException always
   */
  @Override
  default void writeJson(JsonGenerator out) throws IOException {
    writeFields(out);
  }

  /** {@return null: binary data carries no discriminator} */
  @Override
  default String wireTag() {
    return null;
  }
}
