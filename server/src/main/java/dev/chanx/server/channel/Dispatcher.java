package dev.chanx.server.channel;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.databind.JsonNode;
import dev.chanx.core.message.Decoded;
import dev.chanx.core.message.Message;
import dev.chanx.core.codec.StreamFrame;
import dev.chanx.core.codec.StreamMiss;
import java.io.IOException;
import java.nio.ByteBuffer;

/**
 * Turns a parsed client frame into a typed message and routes it to the handler method for it.
 * Generated per channel; it uses no reflection.
 *
 * @param <H> the channel's handler interface
 * @param <C> what a client may send on the channel
 * @param <S> what the server may send on the channel
 * @param <P> the channel's typed path parameters
 */
public interface Dispatcher<H extends ChannelHandler<S, P>, C extends Message, S extends Message, P> {

  /**
   * {@return the name of the top-level property whose value picks the message, such as {@code
   * action}}
   */
  String discriminator();

  /**
   * Reads the discriminator, validates the frame against its message's schema and builds it.
   *
   * @param frame the parsed frame
   * @return the message, or every problem found
   */
  Decoded<C> decode(JsonNode frame);

  /**
   * The quick path: reads a plainly valid frame straight from the parser into its message, with
   * the same result {@link #decode} would give, and no tree. A frame it does not take (invalid,
   * or with its keys in an unusual order) makes it throw {@link StreamMiss}; the frame is then
   * parsed again and handed to {@link #decode}, which reports every problem.
   *
   * @param json a parser before the frame's first token
   * @param frame receives the frame's tag and {@code ref}
   * @return the message, or null when this dispatcher has no quick path
   * @throws IOException when the parser fails
   * @throws StreamMiss when the frame takes the tree path
   */
  default C read(JsonParser json, StreamFrame frame) throws IOException {
    return null;
  }

  /**
   * Reads a binary frame as the channel's one binary message (one whose content type is not
   * JSON); a binary frame carries nothing else to tell messages apart.
   *
   * @param data the frame's bytes, the message's to keep
   * @return the message, or null when the channel takes no binary frames
   */
  default C decodeBinary(ByteBuffer data) {
    return null;
  }

  /**
   * Whether a frame may be a JSON value other than an object (a string, number, boolean or
   * array), because one of the channel's messages is one; otherwise such a frame is refused
   * before it is decoded.
   *
   * @return true when a client message of the channel is a JSON value, not an object
   */
  default boolean acceptsValues() {
    return false;
  }

  /**
   * Calls the handler method for the message.
   *
   * @param message the decoded message
   * @param handler the channel's handler
   * @param connection the sender's connection
   * @return the reply to send back to the sender, or null for none
   * @throws Exception whatever the handler method throws
   */
  S dispatch(C message, H handler, Connection<S, P> connection) throws Exception;
}
