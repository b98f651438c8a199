package dev.chanx.client;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.databind.node.TextNode;
import dev.chanx.core.codec.FrameWriter;
import dev.chanx.core.message.Message;
import java.io.IOException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Function;

/**
 * The topics of one client connection: the handles by topic string, and the requests on them
 * waiting for the reply that carries their {@code ref} (refs {@code t1}, {@code t2}... so that
 * they never meet the channel's own).
 */
final class ClientTopics {

  private final Function<String, CompletableFuture<Void>> sender;
  private final Duration timeout;
  private final Map<String, TopicHandle<?, ?>> handles = new ConcurrentHashMap<>();
  private final Map<String, CompletableFuture<JsonNode>> pending = new ConcurrentHashMap<>();
  private final AtomicLong refs = new AtomicLong();

  ClientTopics(Function<String, CompletableFuture<Void>> sender, Duration timeout) {
    this.sender = sender;
    this.timeout = timeout;
  }

  @SuppressWarnings("unchecked")
  <C extends Message, S extends Message> TopicHandle<C, S> handle(String topic, ServerFrameDecoder<S> decoder) {
    return (TopicHandle<C, S>) handles.computeIfAbsent(topic, t -> new TopicHandle<C, S>(this, t, decoder));
  }

  CompletableFuture<Void> send(String frame) {
    return sender.apply(frame);
  }

  /** Sends {@code action} (subscribe, unsubscribe) or {@code message} on a topic with a fresh ref; completes with the reply. */
  CompletableFuture<JsonNode> request(String topic, String action, Message message) {
    String ref = "t" + refs.incrementAndGet();
    CompletableFuture<JsonNode> reply = new CompletableFuture<>();
    pending.put(ref, reply);
    reply.orTimeout(timeout.toNanos(), TimeUnit.NANOSECONDS).whenComplete((frame, e) -> pending.remove(ref));
    String frame = message != null ? TopicHandle.envelope(message, topic, ref) : FrameWriter.write(out -> {
      out.writeStringField("action", action);
      TopicHandle.writeEnvelope(out, topic);
    }, TextNode.valueOf(ref)).text();
    send(frame).whenComplete((sent, e) -> {
      if (e != null) {
        reply.completeExceptionally(e);
      }
    });
    return reply.handle((frame2, e) -> {
      if (e instanceof TimeoutException) {
        throw new java.util.concurrent.CompletionException(
            new TimeoutException("no reply on topic " + topic + " within " + timeout.toMillis() + " ms"));
      }
      if (e != null) {
        throw e instanceof java.util.concurrent.CompletionException c ? c : new java.util.concurrent.CompletionException(e);
      }
      return frame2;
    });
  }

  /**
   * A frame naming a topic: completes the request its ref answers (failing it for an error frame),
   * else goes to the topic's handle; true when it was taken.
   */
  boolean received(ObjectNode frame, String ref, ClientListener listener, String text) {
    JsonNode topic = frame.get("topic");
    if (topic == null || !topic.isTextual()) {
      return false;
    }
    ErrorFrame error = Frames.error(frame);
    CompletableFuture<JsonNode> waiting = ref == null ? null : pending.remove(ref);
    if (waiting != null) {
      JsonNode reason = frame.path("payload").path("reason");
      if (error != null && reason.isTextual()) {
        waiting.completeExceptionally(new TopicRefusedException(topic.textValue(), reason.textValue(),
            frame.path("payload").path("detail").asText()));
      } else if (error != null) {
        waiting.completeExceptionally(new ErrorFrameException(error));
      } else {
        waiting.complete(frame);
      }
      return true;
    }
    if (error != null) {
      listener.onError(error);
      return true;
    }
    TopicHandle<?, ?> handle = handles.get(topic.textValue());
    if (handle != null) {
      frame.remove(List.of("version", "topic", "seq"));
      handle.received(frame, listener, text);
    } else {
      listener.onUnreadable(text, List.of());
    }
    return true;
  }

  /**
   * A new connection opened after a lost one: every subscribed handle subscribes again, all the
   * frames sent at once, one after another, without waiting for each confirmation.
   */
  List<CompletableFuture<JsonNode>> resubscribe() {
    List<CompletableFuture<JsonNode>> confirmations = new ArrayList<>();
    for (TopicHandle<?, ?> handle : handles.values()) {
      if (handle.isSubscribed()) {
        confirmations.add(request(handle.topic(), "subscribe", null));
      }
    }
    return confirmations;
  }

  /** The connection closed: requests waiting for a reply fail. */
  void closed(int statusCode) {
    IOException cause = new IOException("the connection closed (" + statusCode + ") before the reply came");
    for (String ref : List.copyOf(pending.keySet())) {
      CompletableFuture<JsonNode> waiting = pending.remove(ref);
      if (waiting != null) {
        waiting.completeExceptionally(cause);
      }
    }
  }
}
