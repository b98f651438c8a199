package dev.chanx.example;

import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;

import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;

/** What a test client heard, one line per event, in order; waits on events, never sleeps. */
final class Heard {

  static final long WAIT_SECONDS = 10;

  private final BlockingQueue<String> events = new LinkedBlockingQueue<>();

  void add(String event) {
    events.add(event);
  }

  /** The next event, failing after {@value #WAIT_SECONDS} seconds. */
  String next() throws InterruptedException {
    String event = events.poll(WAIT_SECONDS, TimeUnit.SECONDS);
    assertNotNull(event, "nothing happened within " + WAIT_SECONDS + " s");
    return event;
  }

  /** Asserts that nothing more is heard within a short while. */
  void assertQuiet() throws InterruptedException {
    assertNull(events.poll(300, TimeUnit.MILLISECONDS));
  }
}
