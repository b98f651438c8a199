package dev.chanx.server.testing;

import java.io.ByteArrayOutputStream;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.Socket;
import java.nio.charset.StandardCharsets;

/** Sends one HTTP/1.1 request exactly as written (no path normalisation) and reads the answer. */
public final class RawHttp {

  /** A response: status code, the header block as text, and the body as text. */
  public record Answer(int status, String headers, String body) {}

  private RawHttp() {}

  /** Sends {@code GET target} with the extra header lines given, and {@code Connection: close}. */
  public static Answer get(int port, String target, String... headerLines) throws Exception {
    StringBuilder request = new StringBuilder("GET " + target + " HTTP/1.1\r\nHost: 127.0.0.1:" + port + "\r\n");
    for (String line : headerLines) {
      request.append(line).append("\r\n");
    }
    request.append("Connection: close\r\n\r\n");
    try (Socket socket = new Socket("127.0.0.1", port)) {
      socket.setSoTimeout(10_000);
      OutputStream out = socket.getOutputStream();
      out.write(request.toString().getBytes(StandardCharsets.US_ASCII));
      out.flush();
      return parse(socket.getInputStream());
    }
  }

  private static Answer parse(InputStream in) throws Exception {
    ByteArrayOutputStream all = new ByteArrayOutputStream();
    byte[] buffer = new byte[8192];
    for (int n; (n = in.read(buffer)) > 0; ) {
      all.write(buffer, 0, n);
      String text = all.toString(StandardCharsets.UTF_8);
      // A 101 answer never ends the stream; stop at its header block.
      if (text.startsWith("HTTP/1.1 101") && text.contains("\r\n\r\n")) {
        break;
      }
    }
    String text = all.toString(StandardCharsets.UTF_8);
    int end = text.indexOf("\r\n\r\n");
    String head = end < 0 ? text : text.substring(0, end);
    String body = end < 0 ? "" : text.substring(end + 4);
    int status = Integer.parseInt(head.substring(9, 12));
    return new Answer(status, head, body);
  }
}
