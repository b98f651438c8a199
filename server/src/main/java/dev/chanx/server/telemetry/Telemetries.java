package dev.chanx.server.telemetry;

import java.util.List;

/** Puts several telemetries together, such as metrics and traces. */
public final class Telemetries {

  private Telemetries() {}

  /**
   * {@return one telemetry that tells all of these, in order; {@link Telemetry#OFF} for none}
   *
   * @param telemetries what to tell
   */
  public static Telemetry of(List<Telemetry> telemetries) {
    List<Telemetry> all = List.copyOf(telemetries);
    if (all.isEmpty()) {
      return Telemetry.OFF;
    }
    // Folded from the last: a, b, c become (a, (b, c)), told in that order.
    Telemetry chain = all.get(all.size() - 1);
    for (int i = all.size() - 2; i >= 0; i--) {
      chain = new TelemetryChain(all.get(i), chain);
    }
    return chain;
  }
}
