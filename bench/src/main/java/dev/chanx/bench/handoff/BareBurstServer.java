package dev.chanx.bench.handoff;

import dev.chanx.server.testing.RawWebSocket;
import java.io.ByteArrayOutputStream;
import java.io.DataInputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A WebSocket server on a bare socket that answers every upgrade with a burst: {@code frames}
 * numbered text frames right behind its 101, in 8 KiB writes, then a close. A client that sent
 * {@code Chanx-Client-Speaks-First: 1} gets the 101 alone and the burst only after its first
 * frame, as from a Chanx for Java server. No chanx code is involved, so what a client loses here
 * is its own doing.
 *
 * <p>With {@code aligned}, every frame is 64 bytes and the 101 is padded to 256, so that the
 * client's 16 KiB reads end between frames: a read lost then loses whole frames, silently.
 */
final class BareBurstServer implements AutoCloseable {

  static final String SPEAKS_FIRST = "Chanx-Client-Speaks-First";
  private static final Pattern KEY = Pattern.compile("(?im)^Sec-WebSocket-Key:\\s*(\\S+)");
  private static final int WRITE = 8192;
  private static final int ALIGNED_FRAME = 64;
  private static final int ALIGNED_HEAD = 256;

  private final ServerSocket listener;
  private final int frames;
  private final boolean aligned;

  BareBurstServer(int frames, boolean aligned) throws IOException {
    this.frames = frames;
    this.aligned = aligned;
    this.listener = new ServerSocket(0, 200, InetAddress.getLoopbackAddress());
    Thread accepting = new Thread(this::accept, "bare-burst-server");
    accepting.setDaemon(true);
    accepting.start();
  }

  int port() {
    return listener.getLocalPort();
  }

  /** {@return the text of frame {@code n}, as this server sends it} */
  String text(int n) {
    return text(n, aligned);
  }

  /** {@return the text of frame {@code n}, padded to a 64-byte frame when {@code aligned}} */
  static String text(int n, boolean aligned) {
    String text = "{\"action\":\"line\",\"payload\":{\"n\":" + n + "}}";
    // Two bytes of header and a payload under 126 bytes: one 64-byte frame.
    return aligned ? text + " ".repeat(ALIGNED_FRAME - 2 - text.length()) : text;
  }

  private void accept() {
    while (!listener.isClosed()) {
      try {
        Socket socket = listener.accept();
        Thread thread = new Thread(() -> serve(socket), "bare-burst-server connection");
        thread.setDaemon(true);
        thread.start();
      } catch (IOException e) {
        return;
      }
    }
  }

  private void serve(Socket socket) {
    try (socket) {
      socket.setTcpNoDelay(true);
      DataInputStream in = new DataInputStream(socket.getInputStream());
      OutputStream out = socket.getOutputStream();
      String head = RawWebSocket.readHead(in);
      Matcher key = KEY.matcher(head);
      if (!key.find()) {
        return;
      }
      boolean hold = head.toLowerCase(Locale.ROOT).contains(SPEAKS_FIRST.toLowerCase(Locale.ROOT) + ": 1");
      byte[] answer = answer(key.group(1));
      ByteArrayOutputStream burst = new ByteArrayOutputStream();
      if (hold) {
        out.write(answer);
        out.flush();
        RawWebSocket.skipClientFrame(in);
      } else {
        burst.writeBytes(answer);
      }
      for (int n = 1; n <= frames; n++) {
        byte[] payload = text(n).getBytes(StandardCharsets.UTF_8);
        burst.write(0x81);
        burst.write(payload.length);
        burst.writeBytes(payload);
      }
      burst.writeBytes(new byte[] {(byte) 0x88, 2, 0x03, (byte) 0xE8});
      byte[] bytes = burst.toByteArray();
      for (int at = 0; at < bytes.length; at += WRITE) {
        out.write(bytes, at, Math.min(WRITE, bytes.length - at));
        out.flush();
      }
      // Until the client closes too.
      while (in.read() >= 0) {
        in.skipNBytes(in.available());
      }
    } catch (IOException e) {
      // The client went away.
    }
  }

  private byte[] answer(String key) {
    String head = "HTTP/1.1 101 Switching Protocols\r\nUpgrade: websocket\r\nConnection: Upgrade\r\n"
        + "Sec-WebSocket-Accept: " + RawWebSocket.acceptKey(key) + "\r\n";
    if (aligned) {
      head += "X-Pad: " + "p".repeat(ALIGNED_HEAD - head.length() - "X-Pad: \r\n\r\n".length()) + "\r\n";
    }
    return (head + "\r\n").getBytes(StandardCharsets.US_ASCII);
  }

  @Override
  public void close() throws IOException {
    listener.close();
  }
}
