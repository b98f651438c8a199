package dev.chanx.testkit;

import static org.junit.jupiter.api.Assertions.assertEquals;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;

/**
 * A test client's subscription to one topic (see {@link ChanxTestClient#subscribe}): sends frames
 * on the topic and asserts that the next frames the socket receives are on it. Frames carry
 * Chanx 2.10's envelope ({@code version}, {@code topic}, {@code ref}) beside {@code action} and
 * {@code payload}.
 */
public final class TopicProbe {

  private static final ObjectMapper JSON = new ObjectMapper();

  private final ChanxTestClient<?> client;
  private final String topic;
  private int refs;

  TopicProbe(ChanxTestClient<?> client, String topic) {
    this.client = client;
    this.topic = topic;
  }

  /** {@return the topic string} */
  public String topic() {
    return topic;
  }

  void subscribe() {
    String ref = send("subscribe", "null");
    Frame confirmed = client.receive();
    assertEquals("subscribed", confirmed.action(), () -> "expected subscribed on " + topic + ", got " + confirmed);
    assertEquals(topic, confirmed.topic(), () -> "subscribed names another topic: " + confirmed);
    assertEquals(ref, confirmed.ref(), () -> "subscribed answers another ref: " + confirmed);
  }

  /**
   * Sends a frame on the topic, with a {@code ref} of its own.
   *
   * @param action the frame's action
   * @param payloadJson the payload as JSON text ({@code null} for none)
   * @return the {@code ref} sent, which the server's answer echoes
   */
  public String send(String action, String payloadJson) {
    String ref = topic + "#" + (++refs);
    ObjectNode frame = JsonNodeFactory.instance.objectNode();
    frame.put("action", action);
    try {
      frame.set("payload", JSON.readTree(payloadJson));
    } catch (java.io.IOException e) {
      throw new IllegalArgumentException("payload is no JSON: " + payloadJson, e);
    }
    frame.put("version", 1).put("topic", topic).put("ref", ref);
    client.send(frame.toString());
    return ref;
  }

  /**
   * {@return the next frame the socket receives, which must be on this topic and have this action}
   *
   * @param action the expected action
   */
  public Frame expectAction(String action) {
    Frame frame = client.receive();
    assertEquals(topic, frame.topic(), () -> "expected a frame on " + topic + ", got " + frame);
    assertEquals(action, frame.action(), () -> "expected a " + action + " frame on " + topic + ", got " + frame);
    return frame;
  }

  /**
   * {@return the next frame, which must be an error on this topic with this {@code reason}}
   *
   * @param reason the expected reason, such as {@code not_subscribed}
   */
  public Frame expectRefused(String reason) {
    Frame frame = expectAction("error");
    assertEquals(reason, frame.payload().path("reason").asText(null), () -> "expected reason " + reason + ": " + frame);
    return frame;
  }

  /** Unsubscribes and waits for the {@code unsubscribed}. */
  public void unsubscribe() {
    String ref = send("unsubscribe", "null");
    Frame frame = expectAction("unsubscribed");
    assertEquals(ref, frame.ref(), () -> "unsubscribed answers another ref: " + frame);
  }
}
