package dev.chanx.server;

import dev.chanx.core.message.Message;
import java.util.Collection;
import java.util.List;

/**
 * Pushes a channel's server messages from outside any connection (another thread, an HTTP
 * endpoint, a scheduled job), through the channel layer; safe to use from any thread. On a
 * channel with event transforms ({@code ChannelRoute#events}), the node that delivers a push
 * passes it through the handler's transform for each connection it reaches.
 *
 * @param <S> what the server may send on the channel
 */
public interface ChannelPublisher<S extends Message> {

  /**
   * Sends a message to one connection of the channel, wherever it is connected.
   *
   * @param connectionId the id of the receiving connection
   * @param message the message to push
   */
  void send(String connectionId, S message);

  /**
   * Sends a message to every member of the named groups of the channel, each member once.
   *
   * @param message the message to push
   * @param groups the names of the groups
   */
  void broadcast(S message, Collection<String> groups);

  /**
   * Sends a message to every member of the named groups of the channel, each member once.
   *
   * @param message the message to push
   * @param groups the names of the groups
   */
  default void broadcast(S message, String... groups) {
    broadcast(message, List.of(groups));
  }
}
