package dev.chanx.server;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The topic subscriptions of one socket, by the layer's key of their group (which they hold
 * anyway, so a map key costs nothing more). Frames of a socket are handled one
 * after another, but its close may come from another thread, hence the lock.
 */
final class TopicSubscriptions {

  private static final Logger LOG = LoggerFactory.getLogger(TopicSubscriptions.class);

  private final Map<String, TopicConnection<?, ?>> byTopic = new HashMap<>();
  private boolean closed;

  synchronized TopicConnection<?, ?> get(String key) {
    return byTopic.get(key);
  }

  /** Adds a subscription; false when the socket has closed meanwhile. */
  synchronized boolean add(TopicConnection<?, ?> subscription) {
    if (closed) {
      return false;
    }
    byTopic.put(subscription.key(), subscription);
    return true;
  }

  synchronized TopicConnection<?, ?> remove(String key) {
    return byTopic.remove(key);
  }

  synchronized int size() {
    return byTopic.size();
  }

  /** Ends every subscription, as an unsubscribe would, for a socket that closed. */
  void closeAll() {
    List<TopicConnection<?, ?>> ending;
    synchronized (this) {
      closed = true;
      ending = new ArrayList<>(byTopic.values());
      byTopic.clear();
    }
    for (TopicConnection<?, ?> subscription : ending) {
      end(subscription);
    }
  }

  /** Runs the topic's {@code onUnsubscribe}, then stops the delivery; never throws. */
  static <S extends dev.chanx.core.message.Message, P> void end(TopicConnection<S, P> subscription) {
    try {
      subscription.hosted().handler().onUnsubscribe(subscription);
    } catch (Exception e) {
      LOG.error("onUnsubscribe failed for {}", subscription, e);
    } finally {
      subscription.stop();
    }
  }
}
