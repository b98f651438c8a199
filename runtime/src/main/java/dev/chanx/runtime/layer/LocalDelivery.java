package dev.chanx.runtime.layer;

/** Hands a frame to a socket connected to this node; the channel layer calls it. */
@FunctionalInterface
public interface LocalDelivery {

  /**
   * Queues a frame for the connection with this id, if it is connected to this node.
   *
   * @return false when no such connection is open here
   */
  boolean deliver(String connectionId, TextFrame frame);
}
