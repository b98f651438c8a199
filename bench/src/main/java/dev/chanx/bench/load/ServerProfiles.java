package dev.chanx.bench.load;

import com.sun.tools.attach.VirtualMachine;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Pattern;

/**
 * CPU profiles of the two servers over the measured windows only: async-profiler is attached to
 * each server JVM once the warm-up is done and stopped after the last pair, sampling every
 * millisecond of CPU with each sample's stack and thread. The report then splits each server's own
 * threads' samples into the telemetry's hooks (every stack through {@code dev.chanx.micrometer} or
 * {@code dev.chanx.opentelemetry}, by the first such method, the libraries' work beneath it
 * included), the kernel (the socket writes, mostly) and the rest. The hooks' share is what the
 * telemetry costs directly; the rest of a ratio's excess is what its footprint costs the code
 * around it.
 *
 * <p>The stacks are written annotated, each Java frame marked compiled, inlined, C1 or interpreted,
 * because a sample's place in code the JIT inlined is only as exact as the debug information
 * it kept: one run charged about 900 samples to a two-line hook inlined right after the fan-out's
 * loop, which the other server's profile and the loop's own total showed to be the loop's. A hook
 * whose share jumps between runs is checked against that before it is believed.
 */
final class ServerProfiles {

  private static final List<String> HOOKS = List.of("dev/chanx/micrometer/", "dev/chanx/opentelemetry/");
  private static final int TOP_HOOKS = 8;
  // How a Java frame was run, as ann marks it; hooks are named without it.
  private static final Pattern JAVA_ANNOTATION = Pattern.compile("_\\[[ji01]\\]$");

  private final Path dir;
  private final Path library;
  private final List<Path[]> files = new ArrayList<>();
  private List<ServerProcess> profiled = List.of();
  private Path[] current;

  private ServerProfiles(Path dir, Path library) {
    this.dir = dir;
    this.library = library;
  }

  /** {@return no profiles: every call does nothing} */
  static ServerProfiles none() {
    return new ServerProfiles(null, null);
  }

  /**
   * {@return profiles written to {@code dir}, with async-profiler's library unpacked from the
   * classpath}
   *
   * @throws IOException when this platform has no library in the jar, or it cannot be unpacked
   */
  static ServerProfiles into(Path dir) throws IOException {
    String arch = switch (System.getProperty("os.arch")) {
      case "amd64", "x86_64" -> "linux-x64";
      case "aarch64" -> "linux-arm64";
      default -> null;
    };
    if (!System.getProperty("os.name").equals("Linux") || arch == null) {
      throw new IOException("--profile needs Linux on x86_64 or aarch64, not " + System.getProperty("os.name")
          + " on " + System.getProperty("os.arch"));
    }
    Path library = Files.createTempFile("chanx-bench-asyncProfiler", ".so");
    library.toFile().deleteOnExit();
    try (InputStream in = ServerProfiles.class.getResourceAsStream("/" + arch + "/libasyncProfiler.so")) {
      if (in == null) {
        throw new IOException("async-profiler's " + arch + " library is not in the bench jar");
      }
      Files.copy(in, library, StandardCopyOption.REPLACE_EXISTING);
    }
    Files.createDirectories(dir);
    return new ServerProfiles(dir, library);
  }

  /**
   * Starts profiling the servers, after their warm-up.
   *
   * @param servers the two servers, in the report's order
   */
  void start(List<ServerProcess> servers) throws Exception {
    if (dir == null) {
      return;
    }
    profiled = servers;
    current = new Path[servers.size()];
    for (int s = 0; s < servers.size(); s++) {
      // One pair of files per launch, numbered as the launches are.
      current[s] = dir.resolve(String.format(Locale.ROOT, "server-%d-fork%d.collapsed", s + 1, files.size() + 1));
      command(servers.get(s), "start,event=cpu,interval=1ms,threads");
    }
  }

  /** Stops profiling and writes each server's stacks, one line per stack with its samples. */
  void stop() throws Exception {
    if (dir == null || current == null) {
      return;
    }
    for (int s = 0; s < profiled.size(); s++) {
      // Annotated: a Java frame ends in _[j] (compiled), _[i] (inlined), _[1] (C1) or _[0] (interpreted).
      command(profiled.get(s), "stop,collapsed,ann,file=" + current[s]);
    }
    files.add(current);
    current = null;
  }

  private void command(ServerProcess server, String command) throws Exception {
    VirtualMachine vm = VirtualMachine.attach(Long.toString(server.pid()));
    try {
      vm.loadAgentPath(library.toString(), command);
    } finally {
      vm.detach();
    }
  }

  /** {@return the report's section on where each server's threads spent their samples; empty without profiles} */
  String section(String[] sides) throws IOException {
    if (files.isEmpty()) {
      return "";
    }
    List<Samples> all = new ArrayList<>();
    for (int s = 0; s < sides.length; s++) {
      Samples samples = new Samples();
      for (Path[] launch : files) {
        samples.read(launch[s]);
      }
      all.add(samples);
    }
    StringBuilder out = new StringBuilder(String.format(Locale.ROOT, """
        Where the server threads' CPU went over the measured windows (async-profiler, one sample per
        millisecond of CPU, %d launch%s; stacks in %s). A hook's samples include the libraries' work
        beneath it.

        | | %s | share | %s | share | difference in shares |
        |---|---|---|---|---|---|
        """, files.size(), files.size() == 1 ? "" : "es", dir, sides[0], sides[1]));
    Map<String, long[]> rows = new LinkedHashMap<>();
    rows.put("all samples of the server's own threads", new long[] {all.get(0).total, all.get(1).total});
    rows.put("in telemetry hooks", new long[] {all.get(0).hooksTotal(), all.get(1).hooksTotal()});
    List<String> hooks = new ArrayList<>(all.get(1).hooks.keySet());
    all.get(0).hooks.keySet().stream().filter(h -> !hooks.contains(h)).forEach(hooks::add);
    hooks.sort(Comparator.comparingLong((String h) -> -(all.get(0).hook(h) + all.get(1).hook(h))));
    for (String hook : hooks.subList(0, Math.min(TOP_HOOKS, hooks.size()))) {
      rows.put("hook " + hook.replace('/', '.'), new long[] {all.get(0).hook(hook), all.get(1).hook(hook)});
    }
    rows.put("in the kernel, outside hooks", new long[] {all.get(0).kernel, all.get(1).kernel});
    rows.put("the rest", new long[] {all.get(0).rest, all.get(1).rest});
    for (Map.Entry<String, long[]> row : rows.entrySet()) {
      long[] n = row.getValue();
      double first = 100.0 * n[0] / Math.max(1, all.get(0).total);
      double second = 100.0 * n[1] / Math.max(1, all.get(1).total);
      out.append(String.format(Locale.ROOT, "| %s | %d | %.2f %% | %d | %.2f %% | %+.2f |%n", row.getKey(), n[0],
          first, n[1], second, second - first));
    }
    return out.append('\n').toString();
  }

  /** One server's samples, from async-profiler's collapsed stacks: {@code [thread];frame;frame... count}. */
  private static final class Samples {

    final Map<String, Long> hooks = new LinkedHashMap<>();
    long total;
    long kernel;
    long rest;

    void read(Path file) throws IOException {
      for (String line : Files.readAllLines(file)) {
        int space = line.lastIndexOf(' ');
        if (space < 0 || !line.startsWith("[chanx")) {
          continue;
        }
        long count = Long.parseLong(line.substring(space + 1));
        String[] frames = line.substring(0, space).split(";");
        total += count;
        String hook = null;
        for (String frame : frames) {
          if (HOOKS.stream().anyMatch(frame::startsWith)) {
            hook = JAVA_ANNOTATION.matcher(frame).replaceFirst("");
            break;
          }
        }
        if (hook != null) {
          hooks.merge(hook, count, Long::sum);
        } else if (frames[frames.length - 1].endsWith("_[k]")) {
          kernel += count;
        } else {
          rest += count;
        }
      }
    }

    long hook(String name) {
      return hooks.getOrDefault(name, 0L);
    }

    long hooksTotal() {
      return hooks.values().stream().mapToLong(Long::longValue).sum();
    }
  }
}
