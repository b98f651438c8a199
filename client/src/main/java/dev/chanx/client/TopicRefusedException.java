package dev.chanx.client;

/**
 * The server refused a frame on a topic with a machine-readable reason, Chanx 2.10's {@code
 * unknown_topic}, {@code unauthorized} or {@code not_subscribed}.
 */
public final class TopicRefusedException extends RuntimeException {

  private static final long serialVersionUID = 1L;

  /** The topic the frame named. */
  private final String topic;
  /** Why the server refused it. */
  private final String reason;

  TopicRefusedException(String topic, String reason, String detail) {
    super(detail + " (" + reason + ")");
    this.topic = topic;
    this.reason = reason;
  }

  /** {@return the topic the frame named} */
  public String topic() {
    return topic;
  }

  /** {@return why: {@code unknown_topic}, {@code unauthorized} or {@code not_subscribed}} */
  public String reason() {
    return reason;
  }
}
