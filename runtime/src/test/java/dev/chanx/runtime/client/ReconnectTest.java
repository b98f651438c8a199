package dev.chanx.runtime.client;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import org.junit.jupiter.api.Test;

class ReconnectTest {

  @Test
  void delaysDoubleUpToTheMaximumWithJitterBelowThem() {
    Reconnect policy = Reconnect.withBackoff(Duration.ofMillis(100), Duration.ofSeconds(1));
    long[] full = {100, 200, 400, 800, 1000, 1000};
    for (int attempt = 1; attempt <= full.length; attempt++) {
      for (int draw = 0; draw < 50; draw++) {
        long delay = policy.delay(attempt).toMillis();
        long expected = full[attempt - 1];
        assertTrue(delay >= expected / 2 && delay <= expected, attempt + ": " + delay);
      }
    }
    assertTrue(policy.delay(Integer.MAX_VALUE).toMillis() <= 1000);
  }

  @Test
  void closesTheServerMeantAreNotReconnected() {
    Reconnect policy = Reconnect.withBackoff(Duration.ofMillis(1), Duration.ofMillis(2));
    assertTrue(policy.after(1001));
    assertTrue(policy.after(1006));
    assertFalse(policy.after(1000));
    assertFalse(policy.after(1008));
    assertFalse(Reconnect.never().after(1006));
    assertFalse(policy.upTo(0).after(1006));
  }

  @Test
  void refusesDelaysOutOfOrder() {
    assertThrows(IllegalArgumentException.class,
        () -> Reconnect.withBackoff(Duration.ofSeconds(2), Duration.ofSeconds(1)));
  }
}
