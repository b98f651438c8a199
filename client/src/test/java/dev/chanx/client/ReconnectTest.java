package dev.chanx.client;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;

/** The reconnect policy as a unit: ceilings, full jitter from a seeded random, the codes that forbid a retry. */
class ReconnectTest {

  private final Reconnect policy = Reconnect.withBackoff(Duration.ofMillis(100), Duration.ofSeconds(1));

  @Test
  void ceilingsDoubleFromTheInitialDelayUpToTheMaximum() {
    long[] expected = {100, 200, 400, 800, 1000, 1000};
    for (int attempt = 1; attempt <= expected.length; attempt++) {
      assertEquals(Duration.ofMillis(expected[attempt - 1]).toNanos(), policy.ceiling(attempt), "attempt " + attempt);
    }
    assertEquals(Duration.ofSeconds(1).toNanos(), policy.ceiling(Integer.MAX_VALUE));
    assertEquals(0, Reconnect.withBackoff(Duration.ZERO, Duration.ofSeconds(1)).ceiling(Integer.MAX_VALUE));
  }

  @Test
  void delaysAreDrawnOverTheWholeWindowBelowTheCeiling() {
    Random random = new Random(17);
    for (int attempt = 1; attempt <= 6; attempt++) {
      long ceiling = policy.ceiling(attempt);
      long least = Long.MAX_VALUE;
      long most = 0;
      for (int draw = 0; draw < 200; draw++) {
        long delay = policy.delay(attempt, 1006, random).toNanos();
        assertTrue(delay >= 0 && delay <= ceiling, attempt + ": " + delay);
        least = Math.min(least, delay);
        most = Math.max(most, delay);
      }
      // Full jitter: near zero and near the ceiling both come up, not only the upper half.
      assertTrue(least < ceiling / 10, "attempt " + attempt + ", least " + least);
      assertTrue(most > ceiling * 9 / 10, "attempt " + attempt + ", most " + most);
    }
  }

  @Test
  void theSameSeedGivesTheSameDelays() {
    assertEquals(draws(new Random(5)), draws(new Random(5)));
    assertFalse(draws(new Random(5)).equals(draws(new Random(6))));
  }

  private List<Duration> draws(Random random) {
    List<Duration> delays = new ArrayList<>();
    for (int attempt = 1; attempt <= 8; attempt++) {
      delays.add(policy.delay(attempt, 1006, random));
    }
    return delays;
  }

  @Test
  void tryAgainLaterWaitsBetweenHalfTheMaximumAndAllOfIt() {
    Random random = new Random(3);
    for (int draw = 0; draw < 200; draw++) {
      long delay = policy.delay(1, 1013, random).toMillis();
      assertTrue(delay >= 500 && delay <= 1000, "after 1013: " + delay);
    }
  }

  @Test
  void closesThatWouldGetTheSameAnswerAreNotRetried() {
    for (int code : new int[] {1000, 1002, 1003, 1007, 1008, 4000, 4401, 4999}) {
      assertFalse(policy.after(code), "retried after " + code);
    }
    for (int code : new int[] {1001, 1006, 1009, 1011, 1012, 1013, 3000}) {
      assertTrue(policy.after(code), "not retried after " + code);
    }
    assertFalse(Reconnect.never().after(1006));
    assertFalse(policy.upTo(0).after(1006));
  }

  @Test
  void refusesDelaysOutOfOrder() {
    assertThrows(IllegalArgumentException.class,
        () -> Reconnect.withBackoff(Duration.ofSeconds(2), Duration.ofSeconds(1)));
  }
}
