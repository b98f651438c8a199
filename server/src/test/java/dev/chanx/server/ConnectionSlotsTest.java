package dev.chanx.server;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import org.junit.jupiter.api.Test;

class ConnectionSlotsTest {

  @Test
  void takesUpToTheMaximumAndWaitsForAllToComeBack() throws Exception {
    ConnectionSlots slots = new ConnectionSlots(2);
    assertTrue(slots.tryAcquire());
    assertFalse(slots.full());
    assertTrue(slots.tryAcquire());
    assertTrue(slots.full());
    assertFalse(slots.tryAcquire());
    slots.release();
    assertFalse(slots.awaitNone(Duration.ofMillis(20)));
    Thread releaser = new Thread(slots::release);
    releaser.start();
    assertTrue(slots.awaitNone(Duration.ofSeconds(10)));
  }
}
