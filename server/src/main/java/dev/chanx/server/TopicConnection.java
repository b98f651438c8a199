package dev.chanx.server;

import dev.chanx.core.codec.TextFrame;
import dev.chanx.core.message.Message;
import dev.chanx.server.channel.Connection;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * One subscription of a socket to a topic instance, as its handler sees it: the socket's
 * identity, the topic's typed parameters as its path, and sends stamped with the topic. Groups
 * joined through it are the socket's own (the hosting channel's).
 */
final class TopicConnection<S extends Message, P> implements Connection<S, P> {

  // A socket may hold a thousand of these, so each keeps little: four references, no lambda; the
  // layer's key of its group (the very string the layer and the socket's map hold, for a group of
  // one), not the topic string nor the parameters, which are read back from it when asked for.
  private final TopicSocket socket;
  private final HostedTopic<?, ?, S, P> hosted;
  private final TopicGroups topicGroups;
  private final String key;

  TopicConnection(TopicSocket socket, HostedTopic<?, ?, S, P> hosted, TopicGroups topicGroups,
      String topic) {
    this.socket = socket;
    this.hosted = hosted;
    this.topicGroups = topicGroups;
    // Its spelling's group: the socket gets the frames written as its channel speaks.
    this.key = topicGroups.of(socket.settings().camelCase()).ownKey(topic);
  }

  /** The topic string, such as {@code room:lobby}. */
  String topic() {
    return key.substring(key.indexOf('/') + 1);
  }

  /** The layer's key of the topic's group, such as {@code topic.room/room:lobby}. */
  String key() {
    return key;
  }

  /** The topic this subscribes to. */
  HostedTopic<?, ?, S, P> hosted() {
    return hosted;
  }

  /** Starts receiving what is published to the topic. */
  void listen() {
    socket.holdUntil(topicGroups.of(socket.settings().camelCase()).add(key, socket.connection().id()), key);
  }

  /** Stops receiving what is published to the topic. */
  void stop() {
    topicGroups.of(socket.settings().camelCase()).discard(key, socket.connection().id());
  }

  @Override public String id() { return socket.connection().id(); }

  /** The topic's parameters, read again from the topic string: they were valid when it subscribed. */
  @Override
  public P path() {
    return hosted.route().path(hosted.pattern().match(topic()));
  }

  @Override public String requestPath() { return socket.connection().requestPath(); }

  @Override public Map<String, List<String>> queryParameters() { return socket.connection().queryParameters(); }

  @Override public Optional<String> queryParameter(String name) { return socket.connection().queryParameter(name); }

  @Override public Optional<String> header(String name) { return socket.connection().header(name); }

  @Override public <T> Optional<T> principal() { return socket.connection().principal(); }

  @Override public <T> T attribute(String name) { return socket.connection().attribute(name); }

  @Override public void attribute(String name, Object value) { socket.connection().attribute(name, value); }

  @Override
  public void send(S message) {
    socket.deliver(frame(message, topic()));
  }

  /** Sends to every subscriber of this topic instance, this one included. */
  @Override
  public void broadcast(S message) {
    topicGroups.send(topic(), message, null, null);
  }

  /** Sends to every subscriber of this topic instance but this one. */
  @Override
  public void broadcastToOthers(S message) {
    topicGroups.send(topic(), message, null, socket.connection().id());
  }

  /** Sends to the subscribers of other instances of this topic, named by their topic strings. */
  @Override
  public void broadcast(S message, Collection<String> topics, boolean excludeSelf) {
    for (String other : topics) {
      topicGroups.send(other, message, null, excludeSelf ? socket.connection().id() : null);
    }
  }

  /** A message on a topic, spelt as this socket's channel speaks. */
  private TextFrame frame(S message, String topic) {
    return TopicFrames.message(message, topic, null, null, socket.settings().camelCase());
  }

  @Override public void join(String group) { socket.connection().join(group); }

  @Override public void leave(String group) { socket.connection().leave(group); }

  @Override public Set<String> groups() { return socket.connection().groups(); }

  @Override public void close(int code, String reason) { socket.connection().close(code, reason); }

  @Override
  public String toString() {
    return "Subscription[" + socket.connection().id() + " " + topic() + "]";
  }
}
