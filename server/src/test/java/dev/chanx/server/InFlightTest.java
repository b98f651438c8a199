package dev.chanx.server;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import org.junit.jupiter.api.Test;

class InFlightTest {

  @Test
  void closingRefusesNewFramesAndWaitsForAdmittedOnes() throws Exception {
    InFlight inFlight = new InFlight();
    assertTrue(inFlight.enter());
    inFlight.close();
    assertFalse(inFlight.enter());
    assertFalse(inFlight.awaitIdle(Duration.ofMillis(20)));
    inFlight.exit();
    assertTrue(inFlight.awaitIdle(Duration.ZERO));
  }

  @Test
  void closingWhenIdleIsIdleAtOnce() throws Exception {
    InFlight inFlight = new InFlight();
    inFlight.close();
    assertTrue(inFlight.awaitIdle(Duration.ZERO));
  }
}
