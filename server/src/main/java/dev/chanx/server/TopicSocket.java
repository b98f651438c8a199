package dev.chanx.server;

import dev.chanx.core.codec.TextFrame;
import dev.chanx.server.channel.Connection;
import java.util.concurrent.CompletableFuture;

/**
 * A socket as its topic subscriptions see it: the connection its handlers see, how frames reach
 * it and its channel's settings. An interface, so that a subscription holds its socket without
 * depending on the class that holds the subscriptions.
 */
interface TopicSocket {

  /** {@return the socket as its channel's handler sees it} */
  Connection<?, ?> connection();

  /**
   * Queues an already-serialised frame for the socket.
   *
   * @param frame the frame
   */
  void deliver(TextFrame frame);

  /**
   * Holds what the socket is sent until a join of it is in effect on every node.
   *
   * @param joined the layer's answer to the join
   * @param key the layer's key of the group joined
   */
  void holdUntil(CompletableFuture<Void> joined, String key);

  /** {@return the channel's settings for the socket} */
  ChannelSettings settings();
}
