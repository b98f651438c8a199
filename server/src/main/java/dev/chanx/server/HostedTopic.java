package dev.chanx.server;

import dev.chanx.core.message.Message;
import dev.chanx.server.topic.TopicHandler;
import dev.chanx.server.topic.TopicPattern;
import dev.chanx.server.topic.TopicRoute;

/**
 * One topic mounted on a channel: its route, the user's handler and its compiled pattern.
 *
 * @param <H> the topic's handler interface
 * @param <C> what a client may send on the topic
 * @param <S> what the server may send on the topic
 * @param <P> the topic's typed parameters
 */
record HostedTopic<H extends TopicHandler<S, P>, C extends Message, S extends Message, P>(
    TopicRoute<H, C, S, P> route, H handler, TopicPattern pattern) {

  static <H extends TopicHandler<S, P>, C extends Message, S extends Message, P> HostedTopic<H, C, S, P> of(
      TopicRoute<H, C, S, P> route, H handler) {
    TopicPattern pattern = TopicPattern.compile(route.pattern());
    if (!pattern.names().equals(route.parameterNames())) {
      throw new IllegalArgumentException("topic " + route.topicName() + ": pattern " + route.pattern()
          + " has parameters " + pattern.names() + " but the route declares " + route.parameterNames());
    }
    return new HostedTopic<>(route, handler, pattern);
  }

  /**
   * {@return the layer's key prefix of this topic's groups: one group per topic string and
   * spelling, shared by every route serving it with that spelling}
   *
   * @param topicName the topic's name
   * @param camelCase whether its subscribers speak camelCase: they get frames written for them,
   *     so they are members of groups of their own
   */
  static String groupPrefix(String topicName, boolean camelCase) {
    // Topic names are x-topic names; like channel names they cannot contain '/', which ends the prefix.
    if (topicName.isEmpty() || topicName.indexOf('/') >= 0) {
      throw new IllegalArgumentException("not a valid topic name: " + topicName);
    }
    // "topic~camel." cannot begin a snake_case prefix, whatever the topic's name.
    return (camelCase ? "topic~camel." : "topic.") + topicName + "/";
  }
}
