package dev.chanx.server.testing;

import java.io.ByteArrayOutputStream;
import java.io.DataInputStream;
import java.io.EOFException;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.net.SocketTimeoutException;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Duration;
import java.util.Base64;
import java.util.List;
import java.util.concurrent.ThreadLocalRandom;
import java.util.stream.Collectors;

/**
 * A WebSocket client on a plain socket, for what well-behaved clients cannot do: send bytes
 * that are not UTF-8, hand-deflated frames, or complete the handshake and then never read.
 */
public final class RawWebSocket implements AutoCloseable {

  /** A frame as received: its opcode and payload. */
  public record Received(int opcode, byte[] payload) {

    /** The close code of a close frame. */
    public int closeCode() {
      return ((payload[0] & 0xff) << 8) | (payload[1] & 0xff);
    }

    /** The payload as text. */
    public String text() {
      return new String(payload, StandardCharsets.UTF_8);
    }
  }

  public static final int TEXT = 0x1;
  public static final int BINARY = 0x2;
  public static final int CLOSE = 0x8;
  public static final int PING = 0x9;
  public static final int PONG = 0xA;

  private final Socket socket;
  private final OutputStream out;
  private final DataInputStream in;
  private final String handshake;

  private RawWebSocket(Socket socket, String handshake) throws IOException {
    this.socket = socket;
    this.out = socket.getOutputStream();
    this.in = new DataInputStream(socket.getInputStream());
    this.handshake = handshake;
  }

  /**
   * Connects and completes the handshake.
   *
   * @param receiveBuffer the socket's receive buffer in bytes, small for a client that will not read; 0 for the default
   * @param extensions a {@code Sec-WebSocket-Extensions} offer, or null
   */
  public static RawWebSocket connect(int port, String path, int receiveBuffer, String extensions) throws IOException {
    return open(port, path, receiveBuffer,
        extensions == null ? List.of() : List.of("Sec-WebSocket-Extensions: " + extensions));
  }

  /**
   * Connects with more request headers and completes the handshake.
   *
   * @param headers header lines such as {@code Cookie: a=b}
   */
  public static RawWebSocket connectWith(int port, String path, List<String> headers) throws IOException {
    return open(port, path, 0, headers);
  }

  private static RawWebSocket open(int port, String path, int receiveBuffer, List<String> headers)
      throws IOException {
    Socket socket = new Socket();
    if (receiveBuffer > 0) {
      socket.setReceiveBufferSize(receiveBuffer);
    }
    socket.connect(new InetSocketAddress("127.0.0.1", port), 10_000);
    socket.setSoTimeout(10_000);
    String request = "GET " + path + " HTTP/1.1\r\nHost: 127.0.0.1:" + port + "\r\nUpgrade: websocket\r\n"
        + "Connection: Upgrade\r\nSec-WebSocket-Version: 13\r\nSec-WebSocket-Key: dGhlIHNhbXBsZSBub25jZQ==\r\n"
        + headers.stream().map(line -> line + "\r\n").collect(Collectors.joining()) + "\r\n";
    socket.getOutputStream().write(request.getBytes(StandardCharsets.US_ASCII));
    String head = readHead(socket.getInputStream());
    if (!head.startsWith("HTTP/1.1 101")) {
      socket.close();
      throw new IOException("not upgraded: " + head.lines().findFirst().orElse(head));
    }
    return new RawWebSocket(socket, head);
  }

  /** The handshake response's header block. */
  public String handshake() {
    return handshake;
  }

  /** Sends one masked, final frame with the given opcode, RSV1 bit and payload. */
  public void send(int opcode, boolean rsv1, byte[] payload) throws IOException {
    sendBytes(frame(true, opcode, rsv1, payload));
  }

  /** Sends one masked frame, final or not (a fragment), with the given opcode and payload. */
  public void sendFragment(boolean fin, int opcode, byte[] payload) throws IOException {
    sendBytes(frame(fin, opcode, false, payload));
  }

  /** Writes bytes as they are, for frames that break the protocol or arrive in pieces. */
  public void sendBytes(byte[] bytes) throws IOException {
    out.write(bytes);
    out.flush();
  }

  /** {@return one masked frame as bytes} */
  public static byte[] frame(boolean fin, int opcode, boolean rsv1, byte[] payload) {
    ByteArrayOutputStream frame = new ByteArrayOutputStream(payload.length + 14);
    frame.write((fin ? 0x80 : 0) | (rsv1 ? 0x40 : 0) | opcode);
    if (payload.length < 126) {
      frame.write(0x80 | payload.length);
    } else if (payload.length < 65536) {
      frame.write(0x80 | 126);
      frame.write(payload.length >>> 8);
      frame.write(payload.length & 0xff);
    } else {
      frame.write(0x80 | 127);
      for (int shift = 56; shift >= 0; shift -= 8) {
        frame.write((int) ((long) payload.length >>> shift) & 0xff);
      }
    }
    byte[] mask = new byte[4];
    ThreadLocalRandom.current().nextBytes(mask);
    frame.writeBytes(mask);
    for (int i = 0; i < payload.length; i++) {
      frame.write(payload[i] ^ mask[i & 3]);
    }
    return frame.toByteArray();
  }

  /** Sends a text frame. */
  public void sendText(String text) throws IOException {
    send(TEXT, false, text.getBytes(StandardCharsets.UTF_8));
  }

  /** The next frame from the server, waiting up to ten seconds. */
  public Received receive() throws IOException {
    int first = in.readUnsignedByte();
    int second = in.readUnsignedByte();
    long length = second & 0x7f;
    if (length == 126) {
      length = in.readUnsignedShort();
    } else if (length == 127) {
      length = in.readLong();
    }
    byte[] payload = new byte[Math.toIntExact(length)];
    in.readFully(payload);
    return new Received(first & 0x0f, payload);
  }

  /** {@return whether nothing at all arrives from the server for {@code quiet}} */
  public boolean hearsNothingFor(Duration quiet) throws IOException, InterruptedException {
    Thread.sleep(quiet.toMillis());
    return in.available() == 0;
  }

  /** Reads frames until a close frame and returns its code; -1 if the connection ends without one. */
  public int awaitClose() throws IOException {
    try {
      while (true) {
        Received frame = receive();
        if (frame.opcode() == CLOSE) {
          return frame.payload().length >= 2 ? frame.closeCode() : 1005;
        }
      }
    } catch (EOFException | SocketTimeoutException e) {
      return -1;
    }
  }

  @Override
  public void close() throws IOException {
    socket.close();
  }

  /** {@return the {@code Sec-WebSocket-Accept} answer to a client's {@code Sec-WebSocket-Key}} */
  public static String acceptKey(String key) {
    try {
      byte[] digest = MessageDigest.getInstance("SHA-1")
          .digest((key + "258EAFA5-E914-47DA-95CA-C5AB0DC85B11").getBytes(StandardCharsets.US_ASCII));
      return Base64.getEncoder().encodeToString(digest);
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException(e);
    }
  }

  /** Reads one masked client frame, for a server on a bare socket, and drops its payload; {@return its opcode} */
  public static int skipClientFrame(DataInputStream in) throws IOException {
    int opcode = in.readUnsignedByte() & 0x0f;
    long length = in.readUnsignedByte() & 0x7f;
    if (length == 126) {
      length = in.readUnsignedShort();
    } else if (length == 127) {
      length = in.readLong();
    }
    in.skipNBytes(4 + length);
    return opcode;
  }

  /** Reads an HTTP header block up to its blank line, byte by byte, so that nothing after it is consumed. */
  public static String readHead(InputStream in) throws IOException {
    ByteArrayOutputStream head = new ByteArrayOutputStream();
    int matched = 0;
    for (int b; matched < 4 && (b = in.read()) >= 0; ) {
      head.write(b);
      matched = (b == (matched % 2 == 0 ? '\r' : '\n')) ? matched + 1 : (b == '\r' ? 1 : 0);
    }
    return head.toString(StandardCharsets.US_ASCII);
  }
}
