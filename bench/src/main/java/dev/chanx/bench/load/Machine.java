package dev.chanx.bench.load;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;

/** What the report says about the machine it ran on. */
final class Machine {

  private Machine() {}

  static String describe() {
    return "Machine: " + Runtime.getRuntime().availableProcessors() + " CPUs (" + cpuModel() + "), "
        + memory() + " memory, Java " + System.getProperty("java.version") + " ("
        + System.getProperty("java.vm.name") + "), Node " + command("node", "--version") + ", "
        + System.getProperty("os.name") + " " + System.getProperty("os.version") + ".";
  }

  static String loadAverage() {
    try {
      String[] parts = Files.readString(Path.of("/proc/loadavg")).trim().split(" ");
      return parts[0] + " " + parts[1] + " " + parts[2];
    } catch (Exception e) {
      return "unknown";
    }
  }

  /** CPU seconds all processors spent busy (not idle, not waiting for I/O) since boot, from /proc/stat. */
  static double busyCpuSeconds() {
    try {
      String[] cpu = Files.readAllLines(Path.of("/proc/stat")).get(0).trim().split("\\s+");
      long busy = 0;
      for (int i = 1; i < cpu.length && i <= 8; i++) {
        if (i != 4 && i != 5) {
          busy += Long.parseLong(cpu[i]);
        }
      }
      return busy / 100.0;
    } catch (Exception e) {
      return Double.NaN;
    }
  }

  /**
   * The processor as the guest sees it: its name, and, since virtual machines often call every
   * generation just "AMD EPYC", its family, model and cache, and whether the kernel isolates its
   * page tables, which makes every system call dearer: the fan-out load spends about two thirds of
   * its CPU in the kernel, writing to sockets, so that changes what share of it any user-space cost is.
   */
  private static String cpuModel() {
    try {
      List<String> info = Files.readAllLines(Path.of("/proc/cpuinfo"));
      String name = field(info, "model name");
      String family = field(info, "cpu family");
      String model = field(info, "model");
      String cache = field(info, "cache size");
      String isolation = meltdown();
      return name + (family == null ? "" : ", family " + family + " model " + model)
          + (cache == null ? "" : ", " + cache + " cache")
          + (isolation == null ? "" : ", page-table isolation " + (isolation.contains("PTI") ? "on" : "off"));
    } catch (Exception e) {
      return "unknown";
    }
  }

  // The first "<key>\t: value" line's value, or null.
  private static String field(List<String> info, String key) {
    return info.stream().filter(line -> line.startsWith(key) && line.substring(key.length()).trim().startsWith(":"))
        .findFirst().map(line -> line.substring(line.indexOf(':') + 1).trim()).orElse(null);
  }

  // The kernel's Meltdown line ("Mitigation: PTI", "Not affected"), or null where it has none.
  private static String meltdown() {
    try {
      return Files.readString(Path.of("/sys/devices/system/cpu/vulnerabilities/meltdown")).trim();
    } catch (Exception e) {
      return null;
    }
  }

  private static String memory() {
    try {
      return Files.readAllLines(Path.of("/proc/meminfo")).stream().filter(line -> line.startsWith("MemTotal:"))
          .findFirst().map(line -> String.format("%.1f GiB",
              Long.parseLong(line.replaceAll("[^0-9]", "")) / 1024.0 / 1024.0)).orElse("unknown");
    } catch (Exception e) {
      return "unknown";
    }
  }

  static String command(String... command) {
    try {
      Process process = new ProcessBuilder(command).redirectErrorStream(true).start();
      String out = new String(process.getInputStream().readAllBytes()).trim();
      return process.waitFor(10, TimeUnit.SECONDS) ? out : "unknown";
    } catch (Exception e) {
      return "unknown";
    }
  }
}
