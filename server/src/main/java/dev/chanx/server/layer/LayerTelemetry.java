package dev.chanx.server.layer;

/**
 * What a channel layer tells about group sends, for metrics and traces; a layer gets it from
 * {@link LocalDelivery#telemetry()} when it starts. Group keys ({@code <channel>/<group>}) are
 * passed as they are: implementations keep only the channel part, never the group.
 *
 * <p>A layer that carries frames to other nodes carries {@link Sending#context()} and the
 * send's time with them, and reports them with {@link #received} where they are delivered.
 */
public interface LayerTelemetry {

  /** Watches nothing. */
  LayerTelemetry OFF = new LayerTelemetry() {};

  /**
   * A send to a group starts on this node (the publisher's side).
   *
   * @param group the group's key, such as {@code chat/room1}
   * @return the send, to end with the members this node delivered to; {@link Sending#NONE} when nothing is watched
   */
  default Sending sending(String group) {
    return Sending.NONE;
  }

  /**
   * A send published by another node was delivered to this node's members of a group.
   *
   * @param group the group's key, such as {@code chat/room1}
   * @param context the sender's {@link Sending#context()}, or null when it carried none
   * @param sentAtMillis the sender's wall-clock time of the send, or 0 when unknown
   * @param recipients how many members of this node got it
   * @param startNanos {@link System#nanoTime()} when this node started delivering it
   */
  default void received(String group, String context, long sentAtMillis, int recipients, long startNanos) {}

  /** One group send on the node that makes it. */
  interface Sending {

    /** Watches nothing. */
    Sending NONE = new Sending() {};

    /**
     * {@return the trace context to carry to other nodes (a W3C {@code traceparent}), or null for none}
     */
    default String context() {
      return null;
    }

    /**
     * {@return whether this send is watched, so that the layer should time it and count its recipients}
     */
    default boolean watched() {
      return false;
    }

    /**
     * This node has delivered the send to its own members, and published it for others.
     *
     * @param recipients how many members of this node got it
     * @param startNanos {@link System#nanoTime()} when the send started
     */
    default void done(int recipients, long startNanos) {}
  }
}
