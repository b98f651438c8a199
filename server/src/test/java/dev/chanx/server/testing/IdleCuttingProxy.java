package dev.chanx.server.testing;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.net.SocketTimeoutException;
import java.time.Duration;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.atomic.AtomicLong;

/**
 * A TCP proxy on loopback that behaves like a load balancer or NAT with an idle timeout: a
 * connection through which no byte has passed, in either direction, for {@code idle} is cut
 * (both sockets closed, no close frame). Each cut is reported in {@link #cuts}.
 */
public final class IdleCuttingProxy implements AutoCloseable {

  /** How often each direction looks at the clock while it waits for bytes. */
  private static final int POLL_MILLIS = 50;

  /** One line per connection cut for idleness. */
  public final BlockingQueue<String> cuts = new LinkedBlockingQueue<>();
  private final ServerSocket listener;
  private final int target;
  private final long idleNanos;

  private IdleCuttingProxy(int target, Duration idle) throws IOException {
    this.listener = new ServerSocket(0, 50, InetAddress.getLoopbackAddress());
    this.target = target;
    this.idleNanos = idle.toNanos();
    Thread accepting = new Thread(this::accept, "idle-cutting-proxy");
    accepting.setDaemon(true);
    accepting.start();
  }

  /** A proxy to {@code 127.0.0.1:target} that cuts connections idle for {@code idle}. */
  public static IdleCuttingProxy to(int target, Duration idle) throws IOException {
    return new IdleCuttingProxy(target, idle);
  }

  /** The port clients connect to. */
  public int port() {
    return listener.getLocalPort();
  }

  private void accept() {
    while (!listener.isClosed()) {
      try {
        Socket client = listener.accept();
        Socket server = new Socket();
        server.connect(new InetSocketAddress(InetAddress.getLoopbackAddress(), target), 10_000);
        AtomicLong lastByte = new AtomicLong(System.nanoTime());
        pump(client, server, lastByte, "client -> server");
        pump(server, client, lastByte, "server -> client");
      } catch (IOException e) {
        return;
      }
    }
  }

  private void pump(Socket from, Socket to, AtomicLong lastByte, String direction) throws IOException {
    from.setSoTimeout(POLL_MILLIS);
    Thread thread = new Thread(() -> {
      byte[] buffer = new byte[8192];
      try (from; to) {
        InputStream in = from.getInputStream();
        OutputStream out = to.getOutputStream();
        while (true) {
          int n;
          try {
            n = in.read(buffer);
          } catch (SocketTimeoutException quiet) {
            if (System.nanoTime() - lastByte.get() >= idleNanos) {
              cuts.add("cut while waiting " + direction);
              return;
            }
            continue;
          }
          if (n < 0) {
            return;
          }
          lastByte.set(System.nanoTime());
          out.write(buffer, 0, n);
          out.flush();
        }
      } catch (IOException closed) {
        // The other direction closed both sockets, or a peer went away.
      }
    }, "idle-cutting-proxy " + direction);
    thread.setDaemon(true);
    thread.start();
  }

  @Override
  public void close() throws IOException {
    listener.close();
  }
}
