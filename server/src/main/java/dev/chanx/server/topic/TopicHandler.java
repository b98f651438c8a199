package dev.chanx.server.topic;

import dev.chanx.core.message.Message;
import dev.chanx.server.channel.ChannelHandler;
import dev.chanx.server.channel.Connection;

/**
 * What every generated topic handler extends: who may subscribe, and the subscription's life
 * cycle. The {@link Connection} a topic's methods get is the subscription: its {@code path()} is
 * the topic's typed parameters, what it sends carries the topic, {@code broadcast} reaches every
 * subscriber of the topic (the sender too, as Chanx's {@code Topic.broadcast}) and {@code
 * broadcastToOthers} every subscriber but the sender.
 *
 * @param <S> what the server may send on the topic
 * @param <P> the topic's typed parameters
 */
public interface TopicHandler<S extends Message, P> extends ChannelHandler<S, P> {

  /**
   * Decides whether a connection may subscribe; by default everyone may.
   *
   * @param parameters the topic's parameters, already validated
   * @param connection the would-be subscription (its principal, headers and attributes are the socket's)
   * @return true to let it subscribe; false answers {@code unauthorized}
   * @throws Exception any failure, which refuses the subscription as {@code unauthorized}
   */
  default boolean authorize(P parameters, Connection<S, P> connection) throws Exception {
    return true;
  }

  /**
   * Called once the subscription is confirmed: send the subscriber the state it needs here.
   *
   * @param subscription the new subscription
   * @throws Exception any failure, which the runtime logs; the subscription stays
   */
  default void onSubscribe(Connection<S, P> subscription) throws Exception {}

  /**
   * Called before a subscription ends, on {@code unsubscribe} and on disconnect alike.
   *
   * @param subscription the ending subscription
   * @throws Exception any failure, which the runtime logs
   */
  default void onUnsubscribe(Connection<S, P> subscription) throws Exception {}
}
