package dev.chanx.client;

import com.fasterxml.jackson.databind.JsonNode;
import dev.chanx.core.message.Decoded;
import dev.chanx.core.message.Message;
import java.nio.ByteBuffer;
import java.util.function.Function;

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

  /**
   * Reads a binary frame as the channel's one binary message (one whose content type is not JSON).
   *
   * @param data the frame's bytes, the message's to keep
   * @return the message, or null when the server sends no binary data on the channel
   */
  default S decodeBinary(ByteBuffer data) {
    return null;
  }

  /**
   * {@return a decoder of JSON frames by {@code json} and of binary frames by {@code binary}}
   *
   * @param <S> what the server may send on the channel
   * @param json decodes a JSON frame
   * @param binary makes the binary message of a binary frame's bytes
   */
  static <S extends Message> ServerFrameDecoder<S> withBinary(ServerFrameDecoder<S> json,
      Function<ByteBuffer, ? extends S> binary) {
    return new ServerFrameDecoder<>() {
      @Override
      public Decoded<S> decode(JsonNode frame) {
        return json.decode(frame);
      }

      @Override
      public S decodeBinary(ByteBuffer data) {
        return binary.apply(data);
      }
    };
  }
}
