package dev.chanx.server;

import dev.chanx.core.codec.TextFrame;
import dev.chanx.server.channel.Connection;

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

  /** {@return the channel's settings for the socket} */
  ChannelSettings settings();
}
