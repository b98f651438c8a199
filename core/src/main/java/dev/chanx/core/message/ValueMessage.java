package dev.chanx.core.message;

import com.fasterxml.jackson.core.JsonGenerator;
import java.io.IOException;

/**
 * A whole frame that is one JSON value other than an object: a string, a number, a boolean or an
 * array, such as a {@code "heartbeat"} string or a {@code [["btc_jpy", "5000000"]]} ticker.
 *
 * <p>It has no fields to write inside an object, so the runtime can add nothing to it (no
 * {@code ref}): {@link #writeJson} writes the frame itself.
 */
public interface ValueMessage extends Message {

  /** Writes the whole value, the frame. */
  @Override
  void writeJson(JsonGenerator out) throws IOException;

  /**
   * Not supported: the frame is no object.
   *
   * @param out not used
   * @throws UnsupportedOperationException always
   */
  @Override
  default void writeFields(JsonGenerator out) throws IOException {
    throw new UnsupportedOperationException(getClass().getSimpleName() + " is a JSON value, not an object");
  }

  /** {@return null: a value carries no discriminator} */
  @Override
  default String wireTag() {
    return null;
  }
}
