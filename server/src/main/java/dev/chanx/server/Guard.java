package dev.chanx.server;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.databind.ObjectReader;
import java.time.Duration;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;

/**
 * What protects one running server from its clients: its limits, the JSON reader built from
 * them, its connection slots and the client frames being handled.
 */
final class Guard {

  final Limits limits;
  final ObjectReader reader;
  final JsonFactory streams;
  final ConnectionSlots slots;
  final InFlight inFlight = new InFlight();
  private final CountDownLatch stopping = new CountDownLatch(1);

  Guard(Limits limits) {
    this.limits = limits;
    this.reader = Json.treeReader(limits);
    this.streams = Json.streamFactory(limits);
    this.slots = new ConnectionSlots(limits.maxConnections());
  }

  /** Refuses new sockets and new client frames from now on. */
  void stopping() {
    stopping.countDown();
    inFlight.close();
  }

  /** Whether the server is stopping. */
  boolean isStopping() {
    return stopping.getCount() == 0;
  }

  /** Waits until the server starts stopping, for tests; false if the timeout came first. */
  boolean awaitStopping(Duration timeout) throws InterruptedException {
    return stopping.await(timeout.toNanos(), TimeUnit.NANOSECONDS);
  }
}
