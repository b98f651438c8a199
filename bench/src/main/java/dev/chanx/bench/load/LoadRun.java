package dev.chanx.bench.load;

import com.sun.management.OperatingSystemMXBean;
import java.lang.management.ManagementFactory;

/**
 * One measured run against one running server: connect the clients, send at the set rate, warm
 * up, measure a window, drain, disconnect ({@link ClientFleet} keeps the clients open instead).
 */
final class LoadRun {

  /** What browsers offer; Jetty's client sends it as written. */
  static final String BROWSER_DEFLATE = "permessage-deflate; client_max_window_bits";

  private LoadRun() {}

  /** The load of one run. */
  record Load(int clients, int rooms, double rate, boolean deflate, int warmupSeconds, int seconds) {
    String compression() {
      return deflate ? "deflate offered" : "none offered";
    }
  }

  static LoadResult run(ServerProcess server, Load load) throws Exception {
    try (ClientFleet fleet = ClientFleet.connect(server, load)) {
      return fleet.measure(load);
    }
  }

  static double processCpuSeconds() {
    return ((OperatingSystemMXBean) ManagementFactory.getOperatingSystemMXBean()).getProcessCpuTime() / 1e9;
  }
}
