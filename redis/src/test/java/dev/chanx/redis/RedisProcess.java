package dev.chanx.redis;

import dev.chanx.server.testing.Poll;
import java.io.File;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Arrays;
import java.util.Comparator;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

/**
 * A redis-server from PATH on a free loopback port, without persistence: a test's own, so that it
 * can be killed and restarted, or the one the tests share where {@code CHANX_REDIS_URL} is not set.
 */
public final class RedisProcess implements AutoCloseable {

  private final int port;
  private final Path dir;
  private final boolean persistent;
  private Process process;

  private RedisProcess(int port, Path dir, boolean persistent) {
    this.port = port;
    this.dir = dir;
    this.persistent = persistent;
  }

  /** Whether there is a redis-server on PATH. */
  public static boolean onPath() {
    String path = System.getenv("PATH");
    return path != null && Arrays.stream(path.split(File.pathSeparator))
        .anyMatch(dir -> !dir.isEmpty() && Files.isExecutable(Path.of(dir, "redis-server")));
  }

  /** Starts a server without persistence on a free port and waits until it answers PING. */
  public static RedisProcess start() throws Exception {
    return start(false);
  }

  /**
   * Starts a server that writes every command to its append-only file before answering
   * ({@code appendfsync always}), so a restart keeps what it had, as a production Redis with AOF does.
   */
  public static RedisProcess startPersistent() throws Exception {
    return start(true);
  }

  private static RedisProcess start(boolean persistent) throws Exception {
    int port;
    try (ServerSocket probe = new ServerSocket(0)) {
      port = probe.getLocalPort();
    }
    RedisProcess redis = new RedisProcess(port, Files.createTempDirectory("chanx-redis"), persistent);
    redis.launch();
    return redis;
  }

  public String uri() {
    return "redis://127.0.0.1:" + port;
  }

  /** Kills the server (SIGKILL, as a crash would) and waits for the process to end. */
  public void kill() throws InterruptedException {
    process.destroyForcibly();
    if (!process.waitFor(10, TimeUnit.SECONDS)) {
      throw new IllegalStateException("redis-server on port " + port + " did not die");
    }
  }

  /** Starts a fresh server on the same port. */
  public void launch() throws Exception {
    process = new ProcessBuilder("redis-server", "--port", Integer.toString(port), "--bind", "127.0.0.1",
        "--save", "", "--appendonly", persistent ? "yes" : "no", "--appendfsync", "always", "--dir", dir.toString())
        .redirectErrorStream(true)
        .redirectOutput(dir.resolve("redis.log").toFile())
        .start();
    Poll.until(Duration.ofSeconds(10), "redis-server answers on port " + port, this::answers);
  }

  private boolean answers() {
    try (Socket socket = new Socket("127.0.0.1", port)) {
      socket.setSoTimeout(1000);
      OutputStream out = socket.getOutputStream();
      out.write("PING\r\n".getBytes(StandardCharsets.US_ASCII));
      out.flush();
      InputStream in = socket.getInputStream();
      byte[] answer = in.readNBytes(7);
      return new String(answer, StandardCharsets.US_ASCII).startsWith("+PONG");
    } catch (IOException e) {
      return false;
    }
  }

  /** Kills the server if it runs and removes its folder. */
  @Override
  public void close() throws InterruptedException {
    if (process != null && process.isAlive()) {
      kill();
    }
    try (Stream<Path> files = Files.walk(dir)) {
      for (Path file : files.sorted(Comparator.reverseOrder()).toList()) {
        Files.deleteIfExists(file);
      }
    } catch (IOException e) {
      // A temporary folder left behind harms nothing.
    }
  }
}
