package dev.chanx.server;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.chanx.core.codec.TextFrame;
import dev.chanx.core.message.Decoded;
import dev.chanx.core.message.Message;
import dev.chanx.core.message.ValidationError;
import dev.chanx.server.topic.TopicHandler;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Serves the frames that name a {@code topic} on a channel with topics mounted, as Chanx 2.10
 * does: {@code subscribe} matches the topic against the mounted patterns, validates its
 * parameters, asks the topic's {@code authorize} and joins the topic's group; {@code
 * unsubscribe} leaves it; any other action goes to the subscribed topic's own dispatcher, so two
 * topics may both have a {@code cancel}. Every answer carries the topic and the frame's {@code
 * ref}; refusals are {@code error} frames with a {@code reason}. Never throws.
 */
final class TopicRouter {

  private static final Logger LOG = LoggerFactory.getLogger(TopicRouter.class);
  private static final List<String> ENVELOPE = List.of("version", "topic", "ref", "seq");

  private final List<HostedTopic<?, ?, ?, ?>> topics;
  // Each topic's groups, by topic name.
  private final Map<String, TopicGroups> groups = new HashMap<>();
  // Serving one topic on its own route (Chanx's as_consumer): the URL's parameters name the topic,
  // connecting subscribes to it and frames without a topic are its own.
  private final boolean standalone;

  TopicRouter(List<HostedTopic<?, ?, ?, ?>> topics, Node node) {
    this(topics, node, false);
  }

  TopicRouter(List<HostedTopic<?, ?, ?, ?>> topics, Node node, boolean standalone) {
    this.standalone = standalone;
    this.topics = List.copyOf(topics);
    for (HostedTopic<?, ?, ?, ?> topic : topics) {
      String name = topic.route().topicName();
      groups.put(name, node.topicGroups(name));
    }
  }

  /** Whether a parsed frame names a topic, so belongs here rather than to the channel's own handlers. */
  static boolean addressed(JsonNode frame) {
    JsonNode topic = frame.get("topic");
    return topic != null && !topic.isNull();
  }

  /** Whether this serves one topic on its own route, so takes every frame. */
  boolean standalone() {
    return standalone;
  }

  /** On a topic's own route: subscribes the socket that just connected to the topic its URL names. */
  void connected(ChanxConnection<?, ?> socket) {
    if (!standalone) {
      return;
    }
    ObjectNode frame = com.fasterxml.jackson.databind.node.JsonNodeFactory.instance.objectNode()
        .put("action", "subscribe").put("topic", defaultTopic(socket));
    handle(socket, frame, null);
    if (socket.topics().size() == 0) {
      socket.close(1008, "Not subscribed");
    }
  }

  @SuppressWarnings("unchecked")
  private <P> String defaultTopic(ChanxConnection<?, ?> socket) {
    return ((dev.chanx.server.topic.TopicRoute<?, ?, ?, P>) topics.get(0).route()).topic((P) socket.path());
  }

  void handle(ChanxConnection<?, ?> socket, ObjectNode frame, JsonNode ref) {
    if (standalone && !addressed(frame)) {
      frame.put("topic", defaultTopic(socket));
    }
    JsonNode topicNode = frame.get("topic");
    if (!topicNode.isTextual()) {
      socket.deliver(ErrorFrames.validation(List.of(new ValidationError("string_type", List.of("topic"),
          "Input should be a valid string")), ref));
      return;
    }
    String topic = topicNode.textValue();
    JsonNode actionNode = frame.get("action");
    String action = actionNode != null && actionNode.isTextual() ? actionNode.textValue() : null;
    TopicSubscriptions subscriptions = socket.topics();
    boolean camelCase = socket.settings().camelCase();
    try {
      if ("subscribe".equals(action)) {
        if (find(subscriptions, topic, false, camelCase) != null) {
          socket.deliver(TopicFrames.confirm("subscribed", topic, ref));
          return;
        }
        for (HostedTopic<?, ?, ?, ?> hosted : topics) {
          Map<String, String> raw = hosted.pattern().match(topic);
          if (raw != null) {
            subscribe(socket, subscriptions, hosted, topic, raw, ref);
            return;
          }
        }
        socket.deliver(unknown(topic, ref));
      } else if ("unsubscribe".equals(action)) {
        TopicConnection<?, ?> ending = find(subscriptions, topic, true, camelCase);
        if (ending == null) {
          socket.deliver(notSubscribed(topic, ref));
          return;
        }
        TopicSubscriptions.end(ending);
        socket.deliver(TopicFrames.confirm("unsubscribed", topic, ref));
      } else {
        TopicConnection<?, ?> subscription = find(subscriptions, topic, false, camelCase);
        if (subscription == null) {
          socket.deliver(matches(topic) ? notSubscribed(topic, ref) : unknown(topic, ref));
          return;
        }
        ObjectNode body = frame.deepCopy();
        body.remove(ENVELOPE);
        // A camelCase socket's payload keys are read as the channel's own frames are.
        dispatch(socket, subscription.hosted(), subscription, camelCase ? (ObjectNode) CamelCase.decamelizeKeys(body) : body,
            ref);
      }
    } catch (Exception | StackOverflowError e) {
      LOG.error("Failed to process a frame on topic {} on connection {}", topic, socket.id(), e);
      socket.deliver(TopicFrames.detail("Failed to process message", topic, ref));
    }
  }

  /** The socket's subscription to a topic string, taken out when {@code remove}, or null. */
  private TopicConnection<?, ?> find(TopicSubscriptions subscriptions, String topic, boolean remove,
      boolean camelCase) {
    for (HostedTopic<?, ?, ?, ?> hosted : topics) {
      // The prefix the groups hold already, not built again per frame; any topic string, even empty.
      String key = groups.get(hosted.route().topicName()).of(camelCase).prefix() + topic;
      TopicConnection<?, ?> found = remove ? subscriptions.remove(key) : subscriptions.get(key);
      if (found != null) {
        return found;
      }
    }
    return null;
  }

  private boolean matches(String topic) {
    return topics.stream().anyMatch(t -> t.pattern().match(topic) != null);
  }

  private static <H extends TopicHandler<S, P>, C extends Message, S extends Message, P> void subscribe(
      ChanxConnection<?, ?> socket, TopicSubscriptions subscriptions, HostedTopic<H, C, S, P> hosted, String topic,
      Map<String, String> raw, JsonNode ref, TopicGroups groups) {
    P parameters;
    try {
      parameters = hosted.route().path(raw);
    } catch (IllegalArgumentException e) {
      socket.deliver(TopicFrames.refused(TopicFrames.Reason.UNKNOWN_TOPIC, "Topic '" + topic
          + "' does not fit pattern '" + hosted.pattern().pattern() + "': " + e.getMessage(), topic, ref));
      return;
    }
    TopicConnection<S, P> subscription = new TopicConnection<>(socket, hosted, groups, topic);
    boolean allowed;
    try {
      allowed = hosted.handler().authorize(parameters, subscription);
    } catch (Exception e) {
      LOG.warn("authorize failed for {}; refused", subscription, e);
      allowed = false;
    }
    if (!allowed) {
      socket.deliver(TopicFrames.refused(TopicFrames.Reason.UNAUTHORIZED,
          "Not authorized to subscribe to topic '" + topic + "'", topic, ref));
      return;
    }
    subscription.listen();
    if (!subscriptions.add(subscription)) {
      subscription.stop();
      return;
    }
    socket.deliver(TopicFrames.confirm("subscribed", topic, ref));
    try {
      hosted.handler().onSubscribe(subscription);
    } catch (Exception e) {
      LOG.error("onSubscribe failed for {}", subscription, e);
      socket.deliver(TopicFrames.detail("Failed to process message", topic, null));
    }
  }

  private void subscribe(ChanxConnection<?, ?> socket, TopicSubscriptions subscriptions,
      HostedTopic<?, ?, ?, ?> hosted, String topic, Map<String, String> raw, JsonNode ref) {
    subscribe(socket, subscriptions, hosted, topic, raw, ref, groups.get(hosted.route().topicName()));
  }

  @SuppressWarnings("unchecked")
  private static <H extends TopicHandler<S, P>, C extends Message, S extends Message, P> void dispatch(
      ChanxConnection<?, ?> socket, HostedTopic<H, C, S, P> hosted, TopicConnection<?, ?> subscription,
      ObjectNode body, JsonNode ref) {
    TopicConnection<S, P> typed = (TopicConnection<S, P>) subscription;
    String topic = typed.topic();
    Decoded<C> decoded = hosted.route().dispatcher().decode(body);
    if (!decoded.isValid()) {
      socket.deliver(TopicFrames.validation(decoded.errors(), topic, ref));
      return;
    }
    S reply;
    try {
      reply = hosted.route().dispatcher().dispatch(decoded.value(), hosted.handler(), typed);
    } catch (Exception e) {
      LOG.warn("Handler failed for action {} on {}", decoded.tag(), typed, e);
      socket.deliver(TopicFrames.detail("Failed to process message for " + decoded.tag(), topic, ref));
      return;
    }
    if (reply != null) {
      socket.deliver(TopicFrames.message(reply, topic, null, ref, socket.settings().camelCase()));
    }
  }

  private static TextFrame unknown(String topic, JsonNode ref) {
    return TopicFrames.refused(TopicFrames.Reason.UNKNOWN_TOPIC, "No topic matches '" + topic + "'", topic, ref);
  }

  private static TextFrame notSubscribed(String topic, JsonNode ref) {
    return TopicFrames.refused(TopicFrames.Reason.NOT_SUBSCRIBED, "Not subscribed to topic '" + topic + "'", topic,
        ref);
  }
}
