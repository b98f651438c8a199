package dev.chanx.server;

import dev.chanx.core.message.Message;
import java.util.List;
import java.util.Set;
import java.util.function.Supplier;

/**
 * A topic's groups in the channel layer, one per topic string and spelling: snake_case sockets
 * and camelCase ones (the server's CamelCase option) are members of different groups, since each
 * gets the frame written for it. A send writes the frame once per spelling that a channel of this
 * server mounting the topic speaks (both when none mounts it here: other nodes may).
 */
final class TopicGroups {

  private final ChannelGroups snake;
  private final ChannelGroups camel;
  // Read at each send: channel settings are settled only when the server starts.
  private final Supplier<Set<Boolean>> spellings;

  TopicGroups(ChannelGroups snake, ChannelGroups camel, Supplier<Set<Boolean>> spellings) {
    this.snake = snake;
    this.camel = camel;
    this.spellings = spellings;
  }

  /** {@return the groups of the sockets that speak camelCase or not} */
  ChannelGroups of(boolean camelCase) {
    return camelCase ? camel : snake;
  }

  /**
   * Sends a message to every subscriber of a topic string, whichever spelling it speaks.
   *
   * @param topic the topic string
   * @param message the message
   * @param seq the frame's {@code seq}, or null
   * @param exclude a connection to leave out, or null
   */
  void send(String topic, Message message, Long seq, String exclude) {
    Set<Boolean> mounted = spellings.get();
    if (mounted.isEmpty() || mounted.contains(false)) {
      snake.send(List.of(snake.ownKey(topic)), TopicFrames.message(message, topic, seq, null, false), exclude, null);
    }
    if (mounted.isEmpty() || mounted.contains(true)) {
      camel.send(List.of(camel.ownKey(topic)), TopicFrames.message(message, topic, seq, null, true), exclude, null);
    }
  }
}
