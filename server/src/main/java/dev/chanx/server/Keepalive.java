package dev.chanx.server;

import java.time.Duration;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import org.eclipse.jetty.websocket.api.StatusCode;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Pings every open socket of one server on an interval and closes those that did not answer the
 * previous ping, so that a peer gone without a close (a laptop lid shut, a cable pulled, a NAT
 * entry dropped) is closed within two intervals, and a proxy that cuts idle sockets sees traffic.
 *
 * <p>One thread for all sockets: each tick walks the open connections once; what a connection
 * keeps is one int (see {@link Liveness}), and a tick allocates nothing per connection beyond the
 * ping frame Jetty makes. A peer that closes this way gets 1011 (the server cannot go on with the
 * socket), as Python's {@code websockets} sends on a keepalive timeout; 1001 stays the code of a
 * stopping server, so a client can tell the two apart.
 */
final class Keepalive {

  private static final Logger LOG = LoggerFactory.getLogger(Keepalive.class);

  /** The interval by default: below the 30 to 60 s after which common proxies and NATs drop idle sockets. */
  static final Duration DEFAULT = Duration.ofSeconds(25);
  /** The shortest interval accepted: pinging every socket more often only costs the server. */
  static final Duration SHORTEST = Duration.ofMillis(10);
  static final String REASON = "keepalive timeout";

  private final LocalConnections connections;
  private final Duration interval;
  private ScheduledExecutorService timer;

  Keepalive(LocalConnections connections, Duration interval) {
    this.connections = connections;
    this.interval = interval;
  }

  /** Checks an interval given to the server: zero (off), or at least {@link #SHORTEST}. */
  static Duration check(Duration interval) {
    if (interval == null || interval.isNegative() || !interval.isZero() && interval.compareTo(SHORTEST) < 0) {
      throw new IllegalArgumentException("a keepalive interval must be at least " + SHORTEST.toMillis()
          + " ms, or Duration.ZERO to turn keepalive off: " + interval);
    }
    return interval;
  }

  /** Starts ticking; does nothing when the interval is zero. */
  void start() {
    if (interval.isZero()) {
      return;
    }
    timer = Executors.newSingleThreadScheduledExecutor(task -> {
      Thread thread = new Thread(task, "chanx-keepalive");
      thread.setDaemon(true);
      return thread;
    });
    long nanos = interval.toNanos();
    timer.scheduleAtFixedRate(this::tick, nanos, nanos, TimeUnit.NANOSECONDS);
  }

  /** Stops ticking; sockets are left as they are. */
  void stop() {
    if (timer != null) {
      timer.shutdownNow();
      timer = null;
    }
  }

  /** One round over every open connection; never throws, or the timer would stop for good. */
  void tick() {
    for (ChanxConnection<?, ?> connection : connections.all()) {
      try {
        check(connection);
      } catch (RuntimeException e) {
        LOG.warn("Keepalive of connection {} failed", connection.id(), e);
      }
    }
  }

  private static void check(ChanxConnection<?, ?> connection) {
    switch (connection.liveness()) {
      case Liveness.HEARD -> {
        if (connection.liveness(Liveness.HEARD, Liveness.PING_DUE)) {
          connection.ping();
        }
      }
      case Liveness.PING_DUE -> {
        if (connection.liveness(Liveness.PING_DUE, Liveness.CLOSING)) {
          LOG.info("Connection {} did not answer a ping: closing it with 1011", connection.id());
          connection.close(StatusCode.SERVER_ERROR, REASON);
        }
      }
      // The close frame went out a tick ago and no close came back: the peer is gone.
      case Liveness.CLOSING -> connection.abort();
      // A frame is being handled, so Jetty reads nothing more (a pong included) until it is done;
      // the ping still keeps proxies from cutting a socket whose handler takes long.
      default -> connection.ping();
    }
  }
}
