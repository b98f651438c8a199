package dev.chanx.server.testing;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.time.Duration;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;

/**
 * A TCP proxy on loopback that drops connections as a flaky network does: {@link #drop} cuts every
 * connection through it (both sockets closed, no close frame, bytes in flight lost) and cuts new
 * ones at once for a while; {@link #target} sends later connections to another port, as a load
 * balancer does when a node is gone; {@link #delay} holds what clients send for a while before
 * passing it on, as a distant target is slow to hear.
 *
 * <p>A drop and the accepting thread take one lock, so a connection is either refused, or cut by
 * every later drop, even one that comes while it is still being connected to the target.
 *
 * <p>It records how each connection it passed on ended ({@link #ends}), so that a test whose client
 * reconnected more often than the test cut it can say which side ended the extra connection.
 */
public final class DroppingProxy implements AutoCloseable {

  private final ServerSocket listener;
  private final Set<Socket> open = ConcurrentHashMap.newKeySet();
  // Sockets a drop closed, until their pumps end, so that the ends read as the drop's.
  private final Set<Socket> cut = ConcurrentHashMap.newKeySet();
  private final List<String> ends = new CopyOnWriteArrayList<>();
  private volatile boolean closed;
  // Orders drops with the accepting thread's checks (see accept).
  private final Object lock = new Object();
  private volatile int target;
  private volatile long downUntilNanos;
  private volatile int connections;
  private volatile long delayMillis;

  private DroppingProxy(int target) throws IOException {
    this.listener = new ServerSocket(0, 50, InetAddress.getLoopbackAddress());
    this.target = target;
    Thread accepting = new Thread(this::accept, "dropping-proxy");
    accepting.setDaemon(true);
    accepting.start();
  }

  /** A proxy to {@code 127.0.0.1:target}. */
  public static DroppingProxy to(int target) throws IOException {
    return new DroppingProxy(target);
  }

  /** The port clients connect to. */
  public int port() {
    return listener.getLocalPort();
  }

  /** Sends connections made from now on to {@code 127.0.0.1:port}. */
  public void target(int port) {
    this.target = port;
  }

  /** Holds each read of what clients send for {@code delay} before passing it on (zero: at once). */
  public void delay(Duration delay) {
    this.delayMillis = delay.toMillis();
  }

  /** Cuts every connection now, and each new one as soon as it is made, for {@code outage}. */
  public void drop(Duration outage) {
    synchronized (lock) {
      downUntilNanos = System.nanoTime() + outage.toNanos();
      for (Socket socket : open) {
        cut.add(socket);
        closeQuietly(socket);
      }
    }
  }

  /**
   * {@return how each connection passed on ended so far, in order}: its number and the first pump
   * to stop, such as {@code #2 cut by a drop}, {@code #3 the server closed} or {@code #3 the client
   * failed: java.net.SocketException: Connection reset}.
   */
  public List<String> ends() {
    return List.copyOf(ends);
  }

  /**
   * {@return how many connections the proxy has passed on to a target so far}: one more after a
   * drop says the client noticed the drop and came back, which a client that is open may not.
   */
  public int connections() {
    return connections;
  }

  private boolean down() {
    return System.nanoTime() - downUntilNanos < 0;
  }

  private void accept() {
    while (!listener.isClosed()) {
      try {
        Socket client = listener.accept();
        synchronized (lock) {
          if (down()) {
            closeQuietly(client);
            continue;
          }
          // Registered before connecting on: a drop from here on cuts it.
          open.add(client);
        }
        Socket server = new Socket();
        try {
          server.connect(new InetSocketAddress(InetAddress.getLoopbackAddress(), target), 10_000);
        } catch (IOException refused) {
          closeQuietly(client);
          continue;
        }
        synchronized (lock) {
          if (client.isClosed()) {
            // A drop came while connecting on.
            cut.remove(client);
            closeQuietly(server);
            continue;
          }
          open.add(server);
          connections++;
        }
        Ending ending = new Ending(connections);
        pump(client, server, true, ending);
        pump(server, client, false, ending);
      } catch (IOException e) {
        return;
      }
    }
  }

  private void pump(Socket from, Socket to, boolean fromClient, Ending ending) {
    String source = fromClient ? "the client" : "the server";
    Thread thread = new Thread(() -> {
      byte[] buffer = new byte[8192];
      String end = source + " closed";
      try {
        InputStream in = from.getInputStream();
        OutputStream out = to.getOutputStream();
        int n;
        while (true) {
          try {
            n = in.read(buffer);
          } catch (IOException e) {
            end = source + " failed: " + e;
            break;
          }
          if (n < 0) {
            break;
          }
          long delay = delayMillis;
          if (fromClient && delay > 0) {
            Thread.sleep(delay);
          }
          try {
            out.write(buffer, 0, n);
            out.flush();
          } catch (IOException e) {
            end = (fromClient ? "the server" : "the client") + " failed: " + e;
            break;
          }
        }
      } catch (IOException | InterruptedException stopped) {
        end = "the proxy stopped: " + stopped;
      } finally {
        ending.ended(from, to, end);
        closeQuietly(from);
        closeQuietly(to);
      }
    }, "dropping-proxy pump");
    thread.setDaemon(true);
    thread.start();
  }

  /** How one connection ended: the first of its two pumps to stop says it. */
  private final class Ending {

    private final int number;
    private boolean told;

    Ending(int number) {
      this.number = number;
    }

    /**
     * A pump of this connection stopped, {@code how} as it saw it. Whether a drop cut the
     * connection is read and its sockets forgotten here, under this lock: were it read before,
     * the second pump could find the sockets already forgotten by the first, and tell its own
     * end first.
     */
    synchronized void ended(Socket from, Socket to, String how) {
      boolean dropped = cut.remove(from) | cut.remove(to);
      if (!told) {
        told = true;
        ends.add("#" + number + " " + (dropped ? "cut by a drop" : closed ? "closed with the proxy" : how));
      }
    }
  }

  private void closeQuietly(Socket socket) {
    open.remove(socket);
    try {
      socket.close();
    } catch (IOException e) {
      // Already closed.
    }
  }

  @Override
  public void close() throws IOException {
    closed = true;
    listener.close();
    synchronized (lock) {
      for (Socket socket : open) {
        closeQuietly(socket);
      }
    }
  }
}
