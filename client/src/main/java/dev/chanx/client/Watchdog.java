package dev.chanx.client;

import java.net.http.WebSocket;
import java.nio.ByteBuffer;
import java.time.Duration;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;

/**
 * Notices a server gone silent on one open socket: after half the server timeout without a frame,
 * ping or pong from the server it sends a ping, and after the whole timeout it reports the
 * server dead. A live server answers the ping (the JDK and Jetty do so on their own), and a Chanx
 * server pings on its own every 25 s, so only a dead server or a cut path stays silent that long.
 *
 * <p>One daemon thread checks the sockets of every client in this JVM, each a few times per timeout.
 */
final class Watchdog {

  private static final ScheduledExecutorService TIMER = Executors.newSingleThreadScheduledExecutor(task -> {
    Thread thread = new Thread(task, "chanx-client-watchdog");
    thread.setDaemon(true);
    return thread;
  });
  private static final ByteBuffer NO_DATA = ByteBuffer.allocate(0).asReadOnlyBuffer();
  /** Checks per timeout: the server is found dead at most a quarter of the timeout late. */
  private static final int CHECKS = 4;

  private final long timeout;
  private volatile long lastHeard = System.nanoTime();
  // The lastHeard that the ping answered; pinged once per silence.
  private volatile long pingedAt = -1;
  private volatile ScheduledFuture<?> task;

  /** A watchdog for a timeout; zero watches nothing. */
  Watchdog(Duration timeout) {
    this.timeout = timeout.toNanos();
  }

  /** Something came from the server. */
  void heard() {
    lastHeard = System.nanoTime();
  }

  /** Starts watching an open socket; {@code dead} runs once, on the watchdog's thread, if the server goes silent. */
  void start(WebSocket socket, Runnable dead) {
    if (timeout == 0) {
      return;
    }
    heard();
    long period = Math.max(1, timeout / CHECKS);
    task = TIMER.scheduleAtFixedRate(() -> check(socket, dead), period, period, TimeUnit.NANOSECONDS);
  }

  /** Stops watching. */
  void stop() {
    ScheduledFuture<?> running = task;
    if (running != null) {
      running.cancel(false);
    }
  }

  private void check(WebSocket socket, Runnable dead) {
    if (socket.isInputClosed()) {
      stop();
      return;
    }
    long heard = lastHeard;
    long silent = System.nanoTime() - heard;
    if (silent >= timeout) {
      stop();
      dead.run();
    } else if (silent >= timeout / 2 && pingedAt != heard) {
      pingedAt = heard;
      try {
        socket.sendPing(NO_DATA);
      } catch (RuntimeException refused) {
        // Output closed, or a ping still in flight: the timeout still runs. Thrown out of here,
        // it would end this socket's checks for good.
      }
    }
  }
}
