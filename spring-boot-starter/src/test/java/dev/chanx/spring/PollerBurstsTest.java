package dev.chanx.spring;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The poller's choice between running an event in place and handing it over, on a given clock. */
class PollerBurstsTest {

  private static final long MICROS = 1_000;
  private final PollerBursts bursts = new PollerBursts(1_000 * MICROS, 100 * MICROS);

  /** Runs events of {@code cost} each, {@code gap} apart, from {@code from}; returns the choices. */
  private List<Boolean> events(long from, int count, long cost, long gap) {
    List<Boolean> inPlace = new ArrayList<>();
    long now = from;
    for (int i = 0; i < count; i++) {
      boolean here = bursts.runInPlace(now);
      inPlace.add(here);
      if (here) {
        now += cost;
        bursts.ran(now);
      }
      now += gap;
    }
    return inPlace;
  }

  @Test
  void eventsWithBreaksBetweenThemAllRunInPlace() {
    assertEquals(List.of(true, true, true, true, true), events(0, 5, 300 * MICROS, 200 * MICROS));
  }

  @Test
  void aBurstPastItsBudgetIsHandedOverUntilABreak() {
    // 300 µs each, back to back: the fifth starts 1.2 ms into the burst.
    assertEquals(List.of(true, true, true, true, false, false, false),
        events(0, 7, 300 * MICROS, 10 * MICROS));
    // Events handed over keep the burst going; a break ends it.
    assertFalse(bursts.runInPlace(1_250 * MICROS + 50 * MICROS));
    assertTrue(bursts.runInPlace(1_300 * MICROS + 150 * MICROS));
  }

  @Test
  void theFirstEventEverRunsInPlace() {
    assertTrue(bursts.runInPlace(System.nanoTime()));
  }
}
