package dev.chanx.server;

import dev.chanx.core.message.Message;
import dev.chanx.server.topic.TopicPublisher;
import dev.chanx.server.topic.TopicRoute;
import java.util.List;

/** Publishes to a topic's group in the server's channel layer, one frame serialised once. */
final class LayerTopicPublisher<S extends Message, P> implements TopicPublisher<S, P> {

  private final TopicRoute<?, ?, S, P> route;
  private final ChannelGroups groups;

  LayerTopicPublisher(TopicRoute<?, ?, S, P> route, ChannelGroups groups) {
    this.route = route;
    this.groups = groups;
  }

  @Override
  public void broadcast(P parameters, S message) {
    send(parameters, message, null);
  }

  @Override
  public void broadcast(P parameters, S message, long seq) {
    send(parameters, message, seq);
  }

  private void send(P parameters, S message, Long seq) {
    String topic = route.topic(parameters);
    groups.send(List.of(groups.key(topic)), TopicFrames.message(message, topic, seq, null), null, null);
  }
}
