package dev.chanx.client;

import com.fasterxml.jackson.databind.JsonNode;
import dev.chanx.core.message.Decoded;
import dev.chanx.core.message.Message;

/**
 * Turns a parsed server frame into the channel's typed message, validating it against its
 * message's schema. Generated per channel; it uses no reflection.
 *
 * @param <S> what the server may send on the channel
 */
@FunctionalInterface
public interface ServerFrameDecoder<S extends Message> {

  /**
   * Reads the discriminator, validates the frame and builds the message, or reports every problem.
   *
   * @param frame the parsed server frame, without its {@code ref}
   * @return the decoded message, or the validation errors if it is not valid
   */
  Decoded<S> decode(JsonNode frame);
}
