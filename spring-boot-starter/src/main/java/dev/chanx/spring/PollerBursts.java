package dev.chanx.spring;

/**
 * When Tomcat's poller thread runs the events of Chanx sockets itself and when it may hand them
 * over (to its {@link Drain}, or the connector's executor): in place while it keeps up, handed over
 * once it has run events back to back for longer than a budget, until it gets a break. One thread handling everything is the
 * cheapest while it keeps up; once it is busy without a break, the machine's other cores are what
 * keeps latency down. Used by the poller thread alone, so nothing here is synchronised.
 */
final class PollerBursts {

  private final long budgetNanos;
  private final long breakNanos;
  // When the current burst began, and when its last event ended (run in place) or was handed over.
  private long burstStart;
  private long lastEnd;
  // Whether any event came yet (nanoTime has no value that is safely "long ago").
  private boolean started;

  /**
   * @param budgetNanos how long the poller may run events back to back
   * @param breakNanos how long a pause between two events ends a burst
   */
  PollerBursts(long budgetNanos, long breakNanos) {
    this.budgetNanos = budgetNanos;
    this.breakNanos = breakNanos;
  }

  /**
   * Decides for an event that comes at {@code now}; when it is run in place, {@link #ran} follows.
   *
   * @param now {@link System#nanoTime()} as the event comes
   * @return whether the poller runs it in place
   */
  boolean runInPlace(long now) {
    if (!started || now - lastEnd > breakNanos) {
      started = true;
      burstStart = now;
      return true;
    }
    if (now - burstStart > budgetNanos) {
      // Handed over, the event still counts as the burst going on: it ends only with a break.
      lastEnd = now;
      return false;
    }
    return true;
  }

  /**
   * Notes the end of an event run in place.
   *
   * @param now {@link System#nanoTime()} as it ended
   */
  void ran(long now) {
    lastEnd = now;
  }
}
