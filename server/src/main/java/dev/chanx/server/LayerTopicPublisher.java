package dev.chanx.server;

import dev.chanx.core.message.Message;
import dev.chanx.server.topic.TopicPublisher;
import dev.chanx.server.topic.TopicRoute;

/** Publishes to a topic's groups in the server's channel layer (see {@link TopicGroups}). */
final class LayerTopicPublisher<S extends Message, P> implements TopicPublisher<S, P> {

  private final TopicRoute<?, ?, S, P> route;
  private final TopicGroups groups;

  LayerTopicPublisher(TopicRoute<?, ?, S, P> route, TopicGroups groups) {
    this.route = route;
    this.groups = groups;
  }

  @Override
  public void broadcast(P parameters, S message) {
    groups.send(route.topic(parameters), message, null, null);
  }

  @Override
  public void broadcast(P parameters, S message, long seq) {
    groups.send(route.topic(parameters), message, seq, null);
  }
}
