package dev.chanx.server.testing;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;

import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.TimeUnit;

/** A client that asks for an upgrade and is gone while the server's onConnect still runs. */
public final class UpgradeRace {

  private UpgradeRace() {}

  /**
   * Sends an upgrade request to a chat whose {@code onConnect} takes 300 ms ({@link ChatRoom#joinDelay}),
   * leaves 100 ms later, and checks that the server ran onConnect and then closed the
   * socket as dropped (1006).
   *
   * @param port the server's port on 127.0.0.1
   * @param path the chat address
   * @param room the chat's handler
   * @param reset whether the client leaves with a reset, so that the 101 cannot be written, or with a FIN
   */
  public static void leaveDuringOnConnect(int port, String path, ChatRoom room, boolean reset) throws Exception {
    try (Socket raw = new Socket()) {
      raw.connect(new InetSocketAddress("127.0.0.1", port), 10_000);
      OutputStream out = raw.getOutputStream();
      out.write(("GET " + path + " HTTP/1.1\r\nHost: 127.0.0.1:" + port + "\r\nUpgrade: websocket\r\n"
          + "Connection: Upgrade\r\nSec-WebSocket-Version: 13\r\nSec-WebSocket-Key: dGhlIHNhbXBsZSBub25jZQ==\r\n\r\n")
          .getBytes(StandardCharsets.US_ASCII));
      out.flush();
      Thread.sleep(100);
      if (reset) {
        raw.setSoLinger(true, 0);
      }
    }
    assertNotNull(room.connected.poll(10, TimeUnit.SECONDS), "onConnect never ran");
    String id = room.disconnected.poll(10, TimeUnit.SECONDS);
    assertNotNull(id, "the socket admitted before its answer was never closed");
    assertEquals(1006, room.closeCodes.get(id));
  }
}
