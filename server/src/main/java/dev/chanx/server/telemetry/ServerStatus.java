package dev.chanx.server.telemetry;

/** What a running server's gauges may read at any time, from any thread. */
public interface ServerStatus {

  /**
   * {@return how many sockets are open}
   */
  int openConnections();

  /**
   * {@return the frames waiting unwritten in every socket's outgoing queue}
   */
  long queuedFrames();

  /**
   * {@return the bytes waiting unwritten in every socket's outgoing queue}
   */
  long queuedBytes();

  /**
   * {@return whether the server takes new work: not stopping, and its channel layer ready}
   */
  boolean ready();
}
