package dev.chanx.server.channel;

import dev.chanx.core.message.Message;

/**
 * What every generated handler interface extends: the connection life-cycle hooks.
 *
 * @param <S> what the server may send on the channel
 * @param <P> the channel's typed path parameters
 */
public interface ChannelHandler<S extends Message, P> {

  /**
   * Called once the socket is accepted, before its first frame: join groups here.
   *
   * @param connection the client's connection
   * @throws Exception any failure, which closes the socket
   */
  default void onConnect(Connection<S, P> connection) throws Exception {}

  /**
   * Called once after the socket closed; its groups are left afterwards by the runtime.
   *
   * @param connection the client's connection
   * @param closeCode the WebSocket close code
   * @throws Exception any failure, which the runtime logs
   */
  default void onDisconnect(Connection<S, P> connection, int closeCode) throws Exception {}
}
