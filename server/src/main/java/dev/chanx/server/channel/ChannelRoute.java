package dev.chanx.server.channel;

import dev.chanx.core.message.Message;
import java.util.List;
import java.util.Map;

/**
 * Where a channel is served and how it is typed: generated per channel as {@code <Name>Route}.
 *
 * @param <H> the channel's handler interface
 * @param <C> what a client may send on the channel
 * @param <S> what the server may send on the channel
 * @param <P> the channel's typed path parameters
 */
public interface ChannelRoute<H extends ChannelHandler<S, P>, C extends Message, S extends Message, P> {

  /**
   * {@return the channel's key in the AsyncAPI document, such as {@code chat}}
   */
  String name();

  /**
   * {@return the address template as the document writes it, such as {@code
   * ws/chat/{group_name}/}}
   */
  String address();

  /**
   * {@return the names of the address's parameters, in the order they appear in it}
   */
  List<String> parameterNames();

  /**
   * Converts raw, already URL-decoded path parameter values into the typed parameters.
   *
   * @param rawParameters the URL-decoded path parameter values by name
   * @return the typed path parameters
   * @throws IllegalArgumentException naming the parameter when a value does not fit its schema;
   *     the server answers 404, as for an address that does not exist
   */
  P path(Map<String, String> rawParameters);

  /**
   * Checks the query parameters of an upgrade against the schema of the channel's WebSocket
   * binding, when it declares one; by default any query is taken.
   *
   * @param query every query parameter with all its values, URL-decoded
   * @throws IllegalArgumentException saying what breaks the schema; the server answers 400
   */
  default void checkQuery(Map<String, List<String>> query) {}

  /**
   * {@return the AsyncAPI operation each client message belongs to, by the message's wire tag:
   * the receive operation that lists it, or the send operation whose reply it is (the first in
   * document order); metrics tag client frames with it. Empty (the default) for a route generated
   * before operations were told, whose frames are then tagged {@code unknown}}
   */
  default Map<String, String> inboundOperations() {
    return Map.of();
  }

  /**
   * {@return the dispatcher for the channel's client frames}
   */
  Dispatcher<H, C, S, P> dispatcher();

  /**
   * {@return how pushes to the channel are decoded and transformed per connection, or null (the
   * default) when the channel declares no pushes: they then go out exactly as they were
   * serialised}
   */
  default ChannelEvents<H, S, P> events() {
    return null;
  }

  /**
   * {@return how much of each group's frames to keep so that reconnecting clients recover what
   * they missed, as the document's {@code x-chanx: {recovery: {window, size}}} on the channel says;
   * null (the default) when its group sends are not recoverable}
   */
  default dev.chanx.server.layer.History recovery() {
    return null;
  }
}
