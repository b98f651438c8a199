package dev.chanx.server.testing;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.net.SocketException;
import java.net.SocketTimeoutException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/**
 * The test proxy's drops: a connection is cut by a drop even while the proxy is still connecting
 * it on to the target, as the recovery tests count on (a connection that outlived a drop once
 * made them wait for a reconnect that never came).
 */
@Timeout(60)
class DroppingProxyTest {

  @Test
  void aDropCutsAConnectionStillBeingConnectedOn() throws Exception {
    try (ServerSocket target = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
      // A target whose accept queue is full: the kernel drops the proxy's SYN, so the proxy is
      // held in its connect (sent again after a second) with the client already accepted.
      List<Socket> queued = fill(target);
      try (DroppingProxy proxy = DroppingProxy.to(target.getLocalPort());
          Socket client = new Socket(InetAddress.getLoopbackAddress(), proxy.port())) {
        // Time for the proxy to accept and start connecting on; were it slower, the drop would
        // refuse the connection at its accept instead, which this test takes as well.
        Thread.sleep(300);
        proxy.drop(Duration.ofSeconds(30));
        client.setSoTimeout(5_000);
        assertCut(client);
        // Room in the queue: the proxy's connect completes with its next SYN.
        for (Socket socket : queued) {
          target.accept().close();
          socket.close();
        }
        Thread.sleep(2_500);
        assertEquals(0, proxy.connections(), "a connection passed on after the drop");
      }
    }
  }

  @Test
  void itSaysWhichSideEndedEachConnection() throws Exception {
    try (ServerSocket target = new ServerSocket(0, 50, InetAddress.getLoopbackAddress());
        DroppingProxy proxy = DroppingProxy.to(target.getLocalPort())) {
      // The server ends the first: the client reads the end through the proxy.
      try (Socket client = new Socket(InetAddress.getLoopbackAddress(), proxy.port())) {
        target.accept().close();
        client.setSoTimeout(5_000);
        assertEquals(-1, client.getInputStream().read());
      }
      Poll.until(Duration.ofSeconds(5), "the first end is told", () -> proxy.ends().size() == 1);
      // The client ends the second; the server sees it.
      try (Socket server = connectThrough(proxy, target)) {
        Poll.until(Duration.ofSeconds(5), "the second end is told", () -> proxy.ends().size() == 2);
        server.setSoTimeout(5_000);
        assertEquals(-1, server.getInputStream().read());
      }
      // A drop ends the third.
      try (Socket client = new Socket(InetAddress.getLoopbackAddress(), proxy.port()); Socket server = target.accept()) {
        Poll.until(Duration.ofSeconds(5), "the third passed on", () -> proxy.connections() == 3);
        proxy.drop(Duration.ofMillis(1));
        Poll.until(Duration.ofSeconds(5), "the third end is told", () -> proxy.ends().size() == 3);
      }
      assertEquals(List.of("#1 the server closed", "#2 the client closed", "#3 cut by a drop"), proxy.ends());
    }
  }

  /** Connects a client through the proxy and closes it at once; {@return the target's side} */
  private static Socket connectThrough(DroppingProxy proxy, ServerSocket target) throws IOException {
    new Socket(InetAddress.getLoopbackAddress(), proxy.port()).close();
    return target.accept();
  }

  private static void assertCut(Socket client) throws IOException {
    try {
      assertEquals(-1, client.getInputStream().read(), "the client read bytes through a dropped proxy");
    } catch (SocketTimeoutException e) {
      throw new AssertionError("the connection outlived the drop", e);
    } catch (SocketException reset) {
      // Cut with a reset: cut all the same.
    }
  }

  /** Connects to {@code target} without its accepting until a connect is no longer answered. */
  private static List<Socket> fill(ServerSocket target) throws IOException {
    List<Socket> queued = new ArrayList<>();
    for (int i = 0; i < 16; i++) {
      Socket socket = new Socket();
      try {
        socket.connect(new InetSocketAddress(InetAddress.getLoopbackAddress(), target.getLocalPort()), 300);
      } catch (SocketTimeoutException full) {
        socket.close();
        return queued;
      }
      queued.add(socket);
    }
    throw new AssertionError("the accept queue of a backlog of 1 took " + queued.size() + " connections");
  }
}
