package dev.chanx.server;

import java.time.Duration;
import java.util.concurrent.TimeUnit;

/**
 * Open sockets against the server's maximum: taken when a socket opens, given back when it
 * closes. Upgrades are refused early while it is full; one that still races past is closed.
 */
final class ConnectionSlots {

  private final int max;
  private int taken;

  ConnectionSlots(int max) {
    this.max = max;
  }

  /** Takes a slot; false when every slot is taken. */
  synchronized boolean tryAcquire() {
    if (taken >= max) {
      return false;
    }
    taken++;
    return true;
  }

  /** Gives a slot back. */
  synchronized void release() {
    if (taken > 0 && --taken == 0) {
      notifyAll();
    }
  }

  /** Whether every slot is taken, so that an upgrade would be refused. */
  synchronized boolean full() {
    return taken >= max;
  }

  /** Waits until every slot is back (every socket closed); false if the timeout came first. */
  synchronized boolean awaitNone(Duration timeout) throws InterruptedException {
    long deadline = System.nanoTime() + Math.max(0, timeout.toNanos());
    while (taken > 0) {
      long left = deadline - System.nanoTime();
      if (left <= 0) {
        return false;
      }
      TimeUnit.NANOSECONDS.timedWait(this, left);
    }
    return true;
  }
}
