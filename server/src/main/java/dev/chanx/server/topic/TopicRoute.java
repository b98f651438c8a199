package dev.chanx.server.topic;

import dev.chanx.core.message.Message;
import dev.chanx.server.channel.ChannelRoute;

/**
 * How a topic is typed: generated per channel that carries {@code x-topic}, as {@code
 * <Name>Route}. Its {@link #path} turns the values parsed from a topic string into the typed
 * topic parameters, validated against the document's parameter schemas.
 *
 * @param <H> the topic's handler interface
 * @param <C> what a client may send on the topic
 * @param <S> what the server may send on the topic
 * @param <P> the topic's typed parameters
 */
public interface TopicRoute<H extends TopicHandler<S, P>, C extends Message, S extends Message, P>
    extends ChannelRoute<H, C, S, P> {

  /**
   * {@return the topic's name from {@code x-topic}, such as {@code room}: it names the topic's
   * groups in the channel layer, so every route serving the topic shares them}
   */
  String topicName();

  /**
   * {@return the topic's pattern from {@code x-topic}, such as {@code room:{room_name}}}
   */
  String pattern();

  /**
   * {@return the topic string of these parameters, such as {@code room:lobby}}
   *
   * @param parameters the typed parameters
   */
  String topic(P parameters);
}
