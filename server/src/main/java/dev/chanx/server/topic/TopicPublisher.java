package dev.chanx.server.topic;

import dev.chanx.core.message.Message;

/**
 * Publishes to every subscriber of a topic instance, wherever it is connected: one frame
 * serialised once, stamped with {@code version} and {@code topic} (and {@code seq} when given),
 * through the server's channel layer. Safe to use from any thread.
 *
 * @param <S> what the server may send on the topic
 * @param <P> the topic's typed parameters
 */
public interface TopicPublisher<S extends Message, P> {

  /**
   * Sends a message to every subscriber of the topic these parameters name.
   *
   * @param parameters the topic's parameters
   * @param message the message
   */
  void broadcast(P parameters, S message);

  /**
   * Sends a message with a producer-assigned {@code seq}, for gap detection only (there is no
   * replay): leave it out on a topic with several writers.
   *
   * @param parameters the topic's parameters
   * @param message the message
   * @param seq the sequence number the frame carries
   */
  void broadcast(P parameters, S message, long seq);
}
