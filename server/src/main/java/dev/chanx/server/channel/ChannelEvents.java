package dev.chanx.server.channel;

import com.fasterxml.jackson.databind.JsonNode;
import dev.chanx.core.message.Decoded;
import dev.chanx.core.message.Message;

/**
 * The pushes of a channel as the node that delivers them sees them: decodes a pushed frame back
 * into the channel's message, and lets the handler transform it for each connection it reaches
 * (Chanx's event handlers). Generated as {@code <Name>Events} for a channel with send operations;
 * it uses no reflection.
 *
 * @param <H> the channel's handler interface
 * @param <S> what the server may send on the channel
 * @param <P> the channel's typed path parameters
 */
public interface ChannelEvents<H extends ChannelHandler<S, P>, S extends Message, P> {

  /**
   * Reads the discriminator of a pushed frame, validates the frame and builds the message.
   *
   * @param frame the pushed frame, parsed
   * @return the message, or every problem found in the frame
   */
  Decoded<S> decode(JsonNode frame);

  /**
   * Calls the handler's transform for the pushed message, once for each connection it reaches.
   *
   * @param event the pushed message, as {@link #decode} built it
   * @param handler the channel's handler
   * @param connection the connection the push is about to reach
   * @return what this connection receives: {@code event} itself when unchanged, another message,
   *     or null for nothing
   * @throws Exception when the handler's transform fails; the connection then gets nothing
   */
  S transform(S event, H handler, Connection<S, P> connection) throws Exception;
}
