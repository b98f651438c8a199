package dev.chanx.server.layer;

import dev.chanx.core.codec.TextFrame;

/**
 * One connection of this node as a channel layer may keep it, to hand it frames without finding
 * it by id for every delivery (see {@link LocalDelivery#recipient}).
 */
public interface LocalRecipient {

  /**
   * {@return the id of the connection}
   */
  String id();

  /**
   * Queues a frame for the connection, as {@link LocalDelivery#deliver} does for its id.
   *
   * @param frame the text frame to queue
   * @return false once the connection is no longer open here
   */
  boolean receive(TextFrame frame);
}
