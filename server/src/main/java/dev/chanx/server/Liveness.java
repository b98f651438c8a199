package dev.chanx.server;

/**
 * What the keepalive knows of one peer, one int per connection: the socket reader sets
 * {@link #READING} and {@link #HEARD}, the keepalive thread moves {@link #HEARD} on by
 * compare-and-set (see {@link Keepalive}).
 */
final class Liveness {

  /** Something came from the peer since the last ping (or the socket just opened). */
  static final int HEARD = 0;
  /** A ping went out and neither its pong nor any frame has come since. */
  static final int PING_DUE = 1;
  /** A frame of the peer is being handled: it is alive, and its pong may wait behind the frame; pinged, never closed. */
  static final int READING = 2;
  /** Closed for a missed pong; aborted at the next tick if the peer does not answer the close. */
  static final int CLOSING = 3;

  private Liveness() {}
}
