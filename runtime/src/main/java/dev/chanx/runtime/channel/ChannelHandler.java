package dev.chanx.runtime.channel;

import dev.chanx.runtime.message.Message;

/**
 * What every generated handler interface extends: the connection life-cycle hooks.
 *
 * @param <S> what the server may send on the channel
 * @param <P> the channel's typed path parameters
 */
public interface ChannelHandler<S extends Message, P> {

  /** Called once the socket is accepted, before its first frame: join groups here. */
  default void onConnect(Connection<S, P> connection) throws Exception {}

  /** Called once after the socket closed; its groups are left afterwards by the runtime. */
  default void onDisconnect(Connection<S, P> connection, int closeCode) throws Exception {}
}
