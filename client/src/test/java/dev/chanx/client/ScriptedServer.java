package dev.chanx.client;

import dev.chanx.server.testing.RawWebSocket;
import java.io.DataInputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A WebSocket server on a plain socket that does one thing to every connection: closes it with a
 * code right after the handshake, or never sends a byte (a server hung, or a path cut). It reads
 * what the client sends and reports each connection and each frame's opcode, for tests of what a
 * client does about it.
 */
final class ScriptedServer implements AutoCloseable {

  private static final Pattern KEY = Pattern.compile("(?im)^Sec-WebSocket-Key:\\s*(\\S+)");
  private static final Pattern SPEAKS_FIRST = Pattern.compile("(?im)^Chanx-Client-Speaks-First:\\s*1\\s*$");
  /** The close code that means "send nothing at all". */
  static final int SILENT = 0;

  /**
   * One line per connection accepted ("connection 1", ...), per upgrade asking the server to hold
   * its frames until the client's first ("speaks first"), and per client frame ("opcode 9").
   */
  final BlockingQueue<String> events = new LinkedBlockingQueue<>();
  private final ServerSocket listener;
  private final int closeCode;

  private ScriptedServer(int closeCode) throws IOException {
    this.closeCode = closeCode;
    this.listener = new ServerSocket(0, 50, InetAddress.getLoopbackAddress());
    Thread thread = new Thread(this::accept, "scripted-server");
    thread.setDaemon(true);
    thread.start();
  }

  /** A server that closes every connection with {@code code} after the handshake. */
  static ScriptedServer closingWith(int code) throws IOException {
    return new ScriptedServer(code);
  }

  /** A server that completes the handshake and then sends nothing, not even a pong. */
  static ScriptedServer silent() throws IOException {
    return new ScriptedServer(SILENT);
  }

  int port() {
    return listener.getLocalPort();
  }

  private void accept() {
    int connections = 0;
    while (!listener.isClosed()) {
      try {
        Socket socket = listener.accept();
        events.add("connection " + ++connections);
        Thread thread = new Thread(() -> serve(socket), "scripted-server connection");
        thread.setDaemon(true);
        thread.start();
      } catch (IOException e) {
        return;
      }
    }
  }

  private void serve(Socket socket) {
    try (socket) {
      DataInputStream in = new DataInputStream(socket.getInputStream());
      OutputStream out = socket.getOutputStream();
      String head = RawWebSocket.readHead(in);
      Matcher key = KEY.matcher(head);
      if (!key.find()) {
        return;
      }
      if (SPEAKS_FIRST.matcher(head).find()) {
        events.add("speaks first");
      }
      out.write(("HTTP/1.1 101 Switching Protocols\r\nUpgrade: websocket\r\nConnection: Upgrade\r\n"
          + "Sec-WebSocket-Accept: " + RawWebSocket.acceptKey(key.group(1)) + "\r\n\r\n").getBytes(StandardCharsets.US_ASCII));
      if (closeCode != SILENT) {
        out.write(new byte[] {(byte) 0x88, 2, (byte) (closeCode >> 8), (byte) closeCode});
      }
      out.flush();
      while (true) {
        events.add("opcode " + RawWebSocket.skipClientFrame(in));
      }
    } catch (IOException e) {
      // The client went away.
    }
  }

  @Override
  public void close() throws IOException {
    listener.close();
  }
}
