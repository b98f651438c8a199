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
    return switch (telemetries.size()) {
      case 0 -> Telemetry.OFF;
      case 1 -> telemetries.get(0);
      default -> new TelemetryChain(List.copyOf(telemetries));
    };
  }
}
