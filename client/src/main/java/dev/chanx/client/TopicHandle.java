package dev.chanx.client;

import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.databind.JsonNode;
import dev.chanx.core.codec.FrameWriter;
import dev.chanx.core.message.Decoded;
import dev.chanx.core.message.Message;
import java.util.List;
import java.util.Objects;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Consumer;
import java.util.function.Function;

/**
 * A typed view of one topic on a client's connection, Chanx 2.10's topic handle: {@code
 * hub.room("lobby")}. It subscribes and unsubscribes, sends and requests on its topic, and hands
 * what the server sends on it to its listeners. Once subscribed it stays subscribed across
 * reconnects: the client subscribes every such topic again as soon as a new connection opens.
 *
 * @param <C> what a client may send on the topic
 * @param <S> what the server may send on the topic
 */
public final class TopicHandle<C extends Message, S extends Message> {

  private final ClientTopics topics;
  private final String topic;
  private final ServerFrameDecoder<S> decoder;
  private final List<Consumer<? super S>> listeners = new CopyOnWriteArrayList<>();
  private volatile boolean wanted;

  TopicHandle(ClientTopics topics, String topic, ServerFrameDecoder<S> decoder) {
    this.topics = topics;
    this.topic = topic;
    this.decoder = decoder;
  }

  /** {@return the topic string, such as {@code room:lobby}} */
  public String topic() {
    return topic;
  }

  /** {@return whether this handle is subscribed, or is to be subscribed again after a reconnect} */
  public boolean isSubscribed() {
    return wanted;
  }

  /**
   * Adds a listener of what the server sends on this topic and answers no request.
   *
   * @param listener receives each message, on the client's thread
   * @return this handle
   */
  public TopicHandle<C, S> onMessage(Consumer<? super S> listener) {
    listeners.add(Objects.requireNonNull(listener, "listener"));
    return this;
  }

  /**
   * Subscribes; completes once the server confirms, or fails with {@link ErrorFrameException}
   * (reason {@code unknown_topic} or {@code unauthorized}) when it refuses.
   *
   * @return a future completing once subscribed
   */
  public CompletableFuture<Void> subscribe() {
    wanted = true;
    return topics.request(topic, "subscribe", null).thenAccept(frame -> { }).whenComplete((ok, e) -> {
      if (e != null) {
        wanted = false;
      }
    });
  }

  /**
   * Unsubscribes; completes once the server confirms.
   *
   * @return a future completing once unsubscribed
   */
  public CompletableFuture<Void> unsubscribe() {
    wanted = false;
    return topics.request(topic, "unsubscribe", null).thenAccept(frame -> { });
  }

  /**
   * Sends a message on this topic without waiting for an answer.
   *
   * @param message the message
   * @return a future completing once the frame is handed to the socket
   */
  public CompletableFuture<Void> send(C message) {
    return topics.send(envelope(Objects.requireNonNull(message, "message"), topic, null));
  }

  /**
   * Sends a message on this topic with a fresh {@code ref} and completes with the reply carrying
   * it, narrowed by {@code reply} (null: not the reply expected).
   *
   * @param message the message
   * @param reply narrows the reply to the type expected
   * @param <R> the type of the reply expected
   * @return a future completing with the reply, or failing with {@link ErrorFrameException}
   */
  public <R> CompletableFuture<R> request(C message, Function<? super S, ? extends R> reply) {
    Objects.requireNonNull(message, "message");
    return topics.request(topic, null, message).thenApply(frame -> {
      Decoded<S> decoded = decoder.decode(frame);
      R narrowed = decoded.isValid() ? reply.apply(decoded.value()) : null;
      if (narrowed == null) {
        throw new IllegalStateException("the reply on topic " + topic + " is not the one expected: " + frame);
      }
      return narrowed;
    });
  }

  /** A frame the server sent on this topic that answers no request. */
  void received(JsonNode frame, ClientListener listener, String text) {
    Decoded<S> decoded = decoder.decode(frame);
    if (!decoded.isValid()) {
      listener.onUnreadable(text, decoded.errors());
      return;
    }
    for (Consumer<? super S> each : listeners) {
      each.accept(decoded.value());
    }
  }

  /** The frame of a message on a topic: its fields, then version and topic, then the ref. */
  static String envelope(Message message, String topic, String ref) {
    return FrameWriter.write(out -> {
      message.writeFields(out);
      writeEnvelope(out, topic);
    }, ref == null ? null : com.fasterxml.jackson.databind.node.TextNode.valueOf(ref)).text();
  }

  static void writeEnvelope(JsonGenerator out, String topic) throws java.io.IOException {
    out.writeNumberField("version", 1);
    out.writeStringField("topic", topic);
  }
}
