package dev.chanx.server.layer;

import dev.chanx.core.codec.TextFrame;

/** Hands a frame to a socket connected to this node; the channel layer calls it. */
@FunctionalInterface
public interface LocalDelivery {

  /**
   * Queues a frame for the connection with this id, if it is connected to this node.
   *
   * @param connectionId the id of the connection
   * @param frame the text frame to queue
   * @return false when no such connection is open here
   */
  boolean deliver(String connectionId, TextFrame frame);

  /**
   * The connection with this id as a recipient the layer may keep while it is a member of a
   * group; it stops taking frames when the connection closes, as {@link #deliver} does.
   *
   * @param connectionId the id of the connection
   * @return the connection, or null when it is not open here or this delivery cannot tell:
   *     then the layer delivers by id
   */
  default LocalRecipient recipient(String connectionId) {
    return null;
  }

  /**
   * {@return this node's id: every connection id opened here is this id, a dot and a counter, so a
   * distributed layer can tell which node a connection lives on; empty when unknown}
   */
  default String nodeId() {
    return "";
  }

  /**
   * {@return what the layer tells about group sends; {@link LayerTelemetry#OFF} unless the server watches them}
   */
  default LayerTelemetry telemetry() {
    return LayerTelemetry.OFF;
  }
}
