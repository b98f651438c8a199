package dev.chanx.bench.load;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The CPU time of one process's threads at one moment, and how often each has been put on a
 * CPU, by thread (from {@code /proc/<pid>/task}),
 * so that a window's CPU can be split by what the threads do: the server's own work, the JIT
 * compiler, the garbage collector, telemetry's threads. Linux shows the first 15 characters of a
 * thread's name, which is enough to tell these apart.
 *
 * <p>Each thread's time is read in nanoseconds from {@code schedstat} (the scheduler's own sum of
 * the time the thread ran), not in the 10 ms ticks of {@code stat}, whose rounding alone moves a
 * 1.5 CPU-second window by about 1 %; ticks only where the kernel has no {@code schedstat}.
 */
final class ThreadCpu {

  /** The server's own threads: Jetty's pool (reading, handling, fan-out) and the runtime's, all {@code chanx*}. */
  static final String SERVER = "server (chanx*)";
  /** C1 and C2 compiler threads. */
  static final String JIT = "JIT compiler";
  /** G1's threads. */
  static final String GC = "GC";
  /** The VM thread, which runs safepoint operations (a collection's pause among them). */
  static final String VM = "VM thread";
  /** OpenTelemetry's batch span processor. */
  static final String SPANS = "span export";
  /** The bench server's Prometheus scrape every 15 s. */
  static final String SCRAPE = "metrics scrape";
  /** Micrometer's pause detector (LatencyUtils), started by the registry's first timer. */
  static final String PAUSES = "pause detector";
  /** Any other thread, and threads that ended within the window. */
  static final String REST = "rest";
  /** Every group, in the order reports list them. */
  static final List<String> GROUPS = List.of(SERVER, JIT, GC, VM, SPANS, SCRAPE, PAUSES, REST);

  // USER_HZ, the unit of utime and stime; 100 on every Linux we run on.
  private static final long NANOS_PER_TICK = 10_000_000L;

  // Thread id -> nanoseconds it has run.
  private final Map<String, Long> nanos;
  // Thread id -> timeslices it has run: how often the scheduler put it on a CPU (0 without schedstat).
  private final Map<String, Long> slices;
  private final Map<String, String> groups;

  private ThreadCpu(Map<String, Long> nanos, Map<String, Long> slices, Map<String, String> groups) {
    this.nanos = nanos;
    this.slices = slices;
    this.groups = groups;
  }

  /** {@return the CPU time of each thread of a process now} */
  static ThreadCpu of(long pid) throws IOException {
    Map<String, Long> nanos = new HashMap<>();
    Map<String, Long> slices = new HashMap<>();
    Map<String, String> groups = new HashMap<>();
    try (var tasks = Files.list(Path.of("/proc", Long.toString(pid), "task"))) {
      for (Path task : (Iterable<Path>) tasks::iterator) {
        String stat;
        String schedstat;
        try {
          stat = Files.readString(task.resolve("stat"));
          schedstat = Files.isReadable(task.resolve("schedstat")) ? Files.readString(task.resolve("schedstat")) : null;
        } catch (IOException gone) {
          continue;
        }
        String name = stat.substring(stat.indexOf('(') + 1, stat.lastIndexOf(')'));
        String tid = task.getFileName().toString();
        if (schedstat != null) {
          // Time on the CPU in ns, time waiting to run, timeslices run.
          String[] fields = schedstat.trim().split(" ");
          nanos.put(tid, Long.parseLong(fields[0]));
          slices.put(tid, Long.parseLong(fields[2]));
        } else {
          // Fields after the name, which is in parentheses: state is field 3, utime 14, stime 15.
          String[] fields = stat.substring(stat.lastIndexOf(')') + 2).split(" ");
          nanos.put(tid, (Long.parseLong(fields[14 - 3]) + Long.parseLong(fields[15 - 3])) * NANOS_PER_TICK);
        }
        groups.put(tid, group(name));
      }
    }
    return new ThreadCpu(nanos, slices, groups);
  }

  /**
   * {@return CPU seconds all the threads read now used since an earlier reading (a thread new
   * since then from its start); a thread that ended in between is missing, see {@link #ended}}
   */
  double totalSince(ThreadCpu before) {
    long sum = 0;
    for (Map.Entry<String, Long> thread : nanos.entrySet()) {
      sum += thread.getValue() - before.nanos.getOrDefault(thread.getKey(), 0L);
    }
    return sum / 1e9;
  }

  /**
   * {@return how many times the scheduler put the threads read now on a CPU since an earlier
   * reading: each is a wake-up or a preemption's return, so more per delivery means the same work
   * was cut into more pieces}
   */
  long slicesSince(ThreadCpu before) {
    long sum = 0;
    for (Map.Entry<String, Long> thread : slices.entrySet()) {
      sum += thread.getValue() - before.slices.getOrDefault(thread.getKey(), 0L);
    }
    return sum;
  }

  /** {@return how many threads of an earlier reading have ended since: their last CPU time is missing here} */
  int ended(ThreadCpu before) {
    int ended = 0;
    for (String tid : before.nanos.keySet()) {
      if (!nanos.containsKey(tid)) {
        ended++;
      }
    }
    return ended;
  }

  /**
   * {@return CPU seconds per group from an earlier reading to this one, every group present; a
   * thread that ended in between is left out here, so {@link #REST} is what the process used
   * beyond the threads seen (given as {@code processSeconds})}
   */
  Map<String, Double> since(ThreadCpu before, double processSeconds) {
    Map<String, Double> seconds = new LinkedHashMap<>();
    for (String group : GROUPS) {
      seconds.put(group, 0.0);
    }
    double named = 0;
    for (Map.Entry<String, Long> thread : nanos.entrySet()) {
      String group = groups.get(thread.getKey());
      double used = (thread.getValue() - before.nanos.getOrDefault(thread.getKey(), 0L)) / 1e9;
      if (!group.equals(REST)) {
        seconds.merge(group, used, Double::sum);
        named += used;
      }
    }
    seconds.put(REST, Math.max(0, processSeconds - named));
    return seconds;
  }

  /** {@return the group of a thread, by its name as Linux shows it (15 characters at most)} */
  static String group(String name) {
    if (name.startsWith("chanx")) {
      return SERVER;
    }
    if (name.contains("CompilerThre")) {
      return JIT;
    }
    if (name.startsWith("GC Thread") || name.startsWith("G1 ")) {
      return GC;
    }
    if (name.equals("VM Thread")) {
      return VM;
    }
    if (name.startsWith("BatchSpanProc")) {
      return SPANS;
    }
    if (name.equals("scraper")) {
      return SCRAPE;
    }
    if (name.startsWith("SimplePauseDet")) {
      return PAUSES;
    }
    return REST;
  }
}
