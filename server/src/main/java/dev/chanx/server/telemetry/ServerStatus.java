package dev.chanx.server.telemetry;

/** What a running server's gauges may read at any time, from any thread. */
public interface ServerStatus {

  /**
   * {@return how many sockets are open}
   */
  int openConnections();

  /**
   * {@return the frames waiting unwritten in the outgoing queues of one channel's sockets}; read
   * from the queues when asked (a scrape), so a send pays nothing for it
   *
   * @param channel the channel's name, as the document names it
   */
  long queuedFrames(String channel);

  /**
   * {@return the bytes waiting unwritten in the outgoing queues of one channel's sockets}
   *
   * @param channel the channel's name, as the document names it
   */
  long queuedBytes(String channel);

  /**
   * {@return whether the server takes new work: not stopping, and its channel layer ready}
   */
  boolean ready();
}
