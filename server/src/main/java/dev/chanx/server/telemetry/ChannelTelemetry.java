package dev.chanx.server.telemetry;

/**
 * What a server tells about one hosted channel; made once per channel by {@link Telemetry#channel},
 * so that an implementation finds its meters once, not per frame.
 */
public interface ChannelTelemetry {

  /** Watches nothing. */
  ChannelTelemetry OFF = new ChannelTelemetry() {};

  /**
   * An upgrade request to the channel was answered.
   *
   * @param status the HTTP status answered: 101 when upgraded, else the refusal's (400, 401, 403, 404, 426, 503)
   * @param startNanos {@link System#nanoTime()} when the request came
   */
  default void handshake(int status, long startNanos) {}

  /** A socket was admitted to the channel. */
  default void opened() {}

  /**
   * An admitted socket closed.
   *
   * @param code the WebSocket close code
   */
  default void closed(int code) {}

  /**
   * A client frame is being handled: called once its message is known (or known to be
   * unreadable), before the handler runs; the scope is closed when the frame is done.
   *
   * @param message the frame's message tag, or null when the frame names no message of the channel
   * @param size the frame's length as received, in characters
   * @param traceparent the frame's W3C {@code traceparent}, or null when it has none
   * @return the scope of this frame; {@link FrameScope#NONE} when nothing is watched
   */
  default FrameScope frame(String message, int size, String traceparent) {
    return FrameScope.NONE;
  }

  /**
   * A frame was queued to one socket of the channel: a reply, a send, an error or completion
   * frame, or a group send or push delivered on this node.
   *
   * @param bytes the frame's size in bytes
   */
  default void sent(int bytes) {}

  /** A socket was closed because it stopped reading: its outgoing queue was full. */
  default void slowConsumer() {}

  /**
   * A reconnecting client's group was recovered, or not, on a channel whose group sends are
   * recoverable: once per group of the socket, as its {@code recovery} frame says.
   *
   * @param status {@code new} (no position presented), {@code recovered} or {@code failed}
   * @param reason why it failed ({@code epoch_changed}, {@code window_exceeded}, {@code
   *     unknown_position}, or {@code unavailable} when the history could not be read and the
   *     socket was closed with 1013); null unless failed
   */
  default void recovery(String status, String reason) {}
}
