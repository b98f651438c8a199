package dev.chanx.testkit;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.util.Locale;

/** Sends a WebSocket upgrade request on a plain socket and reads the whole answer, for refusals. */
final class RawUpgrade {

  private RawUpgrade() {}

  /** The answer's status line, headers and body as text. */
  static String answer(int port, String target) throws IOException {
    try (Socket socket = new Socket("127.0.0.1", port)) {
      socket.setSoTimeout(10_000);
      String request = "GET " + target + " HTTP/1.1\r\nHost: 127.0.0.1:" + port + "\r\nUpgrade: websocket\r\n"
          + "Connection: Upgrade\r\nSec-WebSocket-Version: 13\r\nSec-WebSocket-Key: dGhlIHNhbXBsZSBub25jZQ==\r\n\r\n";
      socket.getOutputStream().write(request.getBytes(StandardCharsets.US_ASCII));
      InputStream in = socket.getInputStream();
      ByteArrayOutputStream all = new ByteArrayOutputStream();
      while (!all.toString(StandardCharsets.UTF_8).contains("\r\n\r\n")) {
        int b = in.read();
        if (b < 0) {
          break;
        }
        all.write(b);
      }
      String head = all.toString(StandardCharsets.UTF_8);
      int length = 0;
      for (String line : head.split("\r\n")) {
        if (line.toLowerCase(Locale.ROOT).startsWith("content-length:")) {
          length = Integer.parseInt(line.substring(15).trim());
        }
      }
      all.write(in.readNBytes(length));
      return all.toString(StandardCharsets.UTF_8);
    }
  }
}
