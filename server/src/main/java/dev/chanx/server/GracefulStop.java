package dev.chanx.server;

import java.time.Duration;
import org.eclipse.jetty.websocket.api.StatusCode;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Stops a running server in order: refuse new sockets and frames, let the frames being handled
 * finish (up to the stop timeout) so their replies go out, close every socket with 1001 behind
 * those replies, wait briefly for the close handshakes, then stop Jetty (when the server has its
 * own; a {@link ChannelHost} leaves its container to whoever runs it).
 */
final class GracefulStop {

  private static final Logger LOG = LoggerFactory.getLogger(GracefulStop.class);
  /** How long close handshakes get when the handlers used up the whole stop timeout. */
  private static final Duration CLOSE_GRACE = Duration.ofSeconds(1);

  private final JettyServer server;
  private final Guard guard;
  private final LocalConnections connections;
  private final Duration timeout;

  GracefulStop(JettyServer server, Guard guard, LocalConnections connections, Duration timeout) {
    this.server = server;
    this.guard = guard;
    this.connections = connections;
    this.timeout = timeout;
  }

  /** Runs every step; never throws, and restores the interrupt flag if interrupted. */
  void run() {
    long deadline = System.nanoTime() + timeout.toNanos();
    guard.stopping();
    if (server != null) {
      server.stopAccepting();
    }
    try {
      if (!guard.inFlight.awaitIdle(timeout)) {
        LOG.warn("Handlers still running after {}; closing their sockets anyway", timeout);
      }
      for (ChanxConnection<?, ?> connection : connections.all()) {
        connection.close(StatusCode.SHUTDOWN, "Server is stopping");
      }
      Duration left = Duration.ofNanos(deadline - System.nanoTime());
      guard.slots.awaitNone(left.compareTo(CLOSE_GRACE) > 0 ? left : CLOSE_GRACE);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    } finally {
      if (server != null) {
        server.stop();
      }
    }
  }
}
