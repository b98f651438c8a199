package dev.chanx.bench.load;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * One chat server running as its own process, so that its CPU time and memory can be read from
 * {@code /proc/<pid>} and nothing of the load client is counted with it.
 */
final class ServerProcess implements AutoCloseable {

  private static final long START_LIMIT_MILLIS = 30_000;
  private static final Pattern HEAP_USED = Pattern.compile("used (\\d+)K");
  // USER_HZ: the unit of utime and stime in /proc/<pid>/stat; 100 on every Linux we run on.
  private static final double TICKS_PER_SECOND = 100.0;

  final ServerKind kind;
  final int port;
  private final Process process;

  private ServerProcess(ServerKind kind, int port, Process process) {
    this.kind = kind;
    this.port = port;
    this.process = process;
  }

  /** Starts the server on a free port and waits until it accepts connections. */
  static ServerProcess start(ServerKind kind, Path root, String buildDir, Path log, List<String> jvmOptions)
      throws Exception {
    int port = freePort();
    List<String> command = kind.command(root, buildDir, port, jvmOptions);
    Files.createDirectories(log.getParent());
    Process process = new ProcessBuilder(command).directory(root.toFile())
        .redirectErrorStream(true).redirectOutput(log.toFile()).start();
    ServerProcess server = new ServerProcess(kind, port, process);
    long deadline = System.currentTimeMillis() + START_LIMIT_MILLIS;
    while (!server.accepts()) {
      if (!process.isAlive()) {
        throw new IllegalStateException(kind.label + " exited with " + process.exitValue() + "; see " + log
            + "\n  command: " + String.join(" ", command));
      }
      if (System.currentTimeMillis() > deadline) {
        server.close();
        throw new IllegalStateException(kind.label + " did not accept connections within 30 s; see " + log);
      }
      Thread.sleep(100);
    }
    return server;
  }

  long pid() {
    return process.pid();
  }

  /** User plus system CPU seconds the server process has used since it started. */
  double cpuSeconds() throws IOException {
    String stat = Files.readString(Path.of("/proc", Long.toString(pid()), "stat"));
    // Fields after the command name, which is in parentheses and may hold spaces: state is field 3.
    String[] fields = stat.substring(stat.lastIndexOf(')') + 2).split(" ");
    long utime = Long.parseLong(fields[14 - 3]);
    long stime = Long.parseLong(fields[15 - 3]);
    return (utime + stime) / TICKS_PER_SECOND;
  }

  /**
   * {@return the system calls that read or write the server has made since it started ({@code
   * syscr} plus {@code syscw} of {@code /proc/<pid>/io}), or -1 where the kernel does not say}
   */
  long syscalls() {
    try {
      long sum = 0;
      for (String line : Files.readAllLines(Path.of("/proc", Long.toString(pid()), "io"))) {
        if (line.startsWith("syscr:") || line.startsWith("syscw:")) {
          sum += Long.parseLong(line.substring(6).trim());
        }
      }
      return sum;
    } catch (IOException | RuntimeException unreadable) {
      return -1;
    }
  }

  /** {@return the CPU time of each of the server's threads now} */
  ThreadCpu threads() throws IOException {
    return ThreadCpu.of(pid());
  }

  /** Resident set size in KiB. */
  long rssKib() throws IOException {
    for (String line : Files.readAllLines(Path.of("/proc", Long.toString(pid()), "status"))) {
      if (line.startsWith("VmRSS:")) {
        return Long.parseLong(line.replaceAll("[^0-9]", ""));
      }
    }
    throw new IllegalStateException("no VmRSS for " + pid());
  }

  /** Heap in use after a full collection, in KiB, through jcmd (Java servers only). */
  long heapAfterFullGcKib() throws Exception {
    jcmd("GC.run");
    jcmd("GC.run");
    Matcher used = HEAP_USED.matcher(jcmd("GC.heap_info"));
    if (!used.find()) {
      throw new IllegalStateException("no heap figure from jcmd " + pid());
    }
    return Long.parseLong(used.group(1));
  }

  /** Writes the server's heap histogram (live objects, after a full GC) to a file, for finding what a connection holds. */
  void histogram(Path file) throws Exception {
    Files.writeString(file, jcmd("GC.class_histogram"));
  }

  private String jcmd(String command) throws Exception {
    Process jcmd = new ProcessBuilder("jcmd", Long.toString(pid()), command).redirectErrorStream(true).start();
    String out = new String(jcmd.getInputStream().readAllBytes());
    if (!jcmd.waitFor(60, TimeUnit.SECONDS) || jcmd.exitValue() != 0) {
      throw new IllegalStateException("jcmd " + command + " failed: " + out);
    }
    return out;
  }

  private boolean accepts() {
    try (Socket socket = new Socket()) {
      socket.connect(new InetSocketAddress("127.0.0.1", port), 500);
      return true;
    } catch (IOException e) {
      return false;
    }
  }

  private static int freePort() throws IOException {
    try (java.net.ServerSocket socket = new java.net.ServerSocket(0, 1, java.net.InetAddress.getLoopbackAddress())) {
      return socket.getLocalPort();
    }
  }

  @Override
  public void close() throws InterruptedException {
    process.destroy();
    if (!process.waitFor(10, TimeUnit.SECONDS)) {
      process.destroyForcibly();
      process.waitFor(10, TimeUnit.SECONDS);
    }
  }

  /**
   * The JVM options every Java server gets, the same for each: a 2 GiB heap, plus whatever
   * {@code CHANX_BENCH_SERVER_JVM_OPTS} holds (such as a flight recording, when profiling).
   */
  static List<String> defaultJvmOptions() {
    List<String> options = new ArrayList<>(List.of("-Xmx2g"));
    options.addAll(options("CHANX_BENCH_SERVER_JVM_OPTS"));
    return options;
  }

  /** {@return the JVM options an environment variable holds, separated by white space; none when unset} */
  static List<String> options(String variable) {
    String options = System.getenv(variable);
    return options == null || options.isBlank() ? List.of() : List.of(options.trim().split("\\s+"));
  }
}
