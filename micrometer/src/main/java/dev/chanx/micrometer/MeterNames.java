package dev.chanx.micrometer;

import java.util.List;

/** The name of every meter {@link ChanxMetrics} registers, and the values of its bounded tags. */
public final class MeterNames {

  /** Handshakes answered, by {@code channel} and HTTP {@code status} (101 when upgraded). */
  public static final String HANDSHAKES = "chanx.handshakes";
  /** Time to answer a handshake, by {@code channel} and {@code status}. */
  public static final String HANDSHAKE_DURATION = "chanx.handshake.duration";
  /** Sockets admitted, by {@code channel}. */
  public static final String CONNECTIONS_OPENED = "chanx.connections.opened";
  /** Sockets closed, by {@code channel} and close {@code code} (a few known codes, else {@code other}). */
  public static final String CONNECTIONS_CLOSED = "chanx.connections.closed";
  /** Sockets open now, by {@code channel}. */
  public static final String CONNECTIONS_OPEN = "chanx.connections.open";
  /** Client frames, by {@code channel}, {@code operation}, {@code message} and {@code outcome}. */
  public static final String FRAMES_RECEIVED = "chanx.frames.received";
  /** Size of client frames, by {@code channel}, {@code operation} and {@code message}. */
  public static final String FRAMES_RECEIVED_BYTES = "chanx.frames.received.bytes";
  /**
   * Time from a valid frame's message being known to its reply queued, by {@code channel},
   * {@code operation}, {@code message} and {@code outcome}.
   */
  public static final String HANDLER_DURATION = "chanx.handler.duration";
  /** Problems found in client frames, by {@code channel}, {@code operation}, {@code message} and {@code rule}. */
  public static final String VALIDATION_FAILURES = "chanx.validation.failures";
  /** Frames queued to sockets, by {@code channel}. */
  public static final String FRAMES_SENT = "chanx.frames.sent";
  /** Size of frames queued to sockets, by {@code channel}. */
  public static final String FRAMES_SENT_BYTES = "chanx.frames.sent.bytes";
  /** Sockets closed because they stopped reading, by {@code channel}. */
  public static final String SLOW_CONSUMERS = "chanx.slow.consumers";
  /** Time to deliver a group send to this node's members, by {@code channel} and {@code origin}. */
  public static final String BROADCAST_DURATION = "chanx.broadcast.duration";
  /** Members of this node a group send reached, by {@code channel} and {@code origin}. */
  public static final String BROADCAST_RECIPIENTS = "chanx.broadcast.recipients";
  /** Wall-clock time from a group send on one node to its delivery on another, by {@code channel}. */
  public static final String LAYER_LAG = "chanx.layer.lag";
  /** Frames waiting unwritten in the outgoing queues of the sockets, by {@code channel}. */
  public static final String OUTBOX_FRAMES = "chanx.outbox.frames";
  /** Bytes waiting unwritten in the outgoing queues of the sockets, by {@code channel}. */
  public static final String OUTBOX_BYTES = "chanx.outbox.bytes";
  /**
   * Groups a reconnecting client asked to recover, by {@code channel}, {@code status} ({@code new},
   * {@code recovered}, {@code failed}) and {@code reason} (why it failed, else {@code none}).
   */
  public static final String RECOVERIES = "chanx.recoveries";
  /** 1 while the server takes new work, else 0. */
  public static final String READY = "chanx.ready";

  /** Every meter name, in the order above. */
  public static final List<String> ALL = List.of(HANDSHAKES, HANDSHAKE_DURATION, CONNECTIONS_OPENED,
      CONNECTIONS_CLOSED, CONNECTIONS_OPEN, FRAMES_RECEIVED, FRAMES_RECEIVED_BYTES, HANDLER_DURATION,
      VALIDATION_FAILURES, FRAMES_SENT, FRAMES_SENT_BYTES, SLOW_CONSUMERS, BROADCAST_DURATION, BROADCAST_RECIPIENTS,
      LAYER_LAG, OUTBOX_FRAMES, OUTBOX_BYTES, RECOVERIES, READY);

  /**
   * The {@code message} of a frame that names no message of its channel, and the {@code operation}
   * of a message the route ties to none.
   */
  public static final String UNKNOWN = "unknown";
  /** Outcome: handled, the reply (if any) queued. */
  public static final String OK = "ok";
  /** Outcome: not JSON, or not valid for its message: answered with an error frame. */
  public static final String INVALID = "invalid";
  /** Outcome: the handler threw: answered with an error frame. */
  public static final String HANDLER_ERROR = "handler_error";
  /** The {@code reason} of a recovery that did not fail. */
  public static final String NONE = "none";
  /** Origin of a group send made on this node. */
  public static final String LOCAL = "local";
  /** Origin of a group send made on another node and carried by the layer. */
  public static final String REMOTE = "remote";

  private MeterNames() {}
}
