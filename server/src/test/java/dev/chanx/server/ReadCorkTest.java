package dev.chanx.server;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.chanx.core.codec.TextFrame;
import java.io.ByteArrayOutputStream;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * {@link StreamSocket} under {@link ReadCork}: the frames that handling one read sends reach
 * each socket in one write, in order, each reported written; frames sent outside a read go out
 * at once.
 */
class ReadCorkTest {

  @Test
  void framesSentWhileHandlingOneReadGoOutInOneWritePerSocket() {
    Peer room = new Peer(null);
    Peer sender = new Peer(room);
    // Three messages in one read: each is answered to the sender and broadcast to the other.
    byte[] read = concat(clientFrame("one"), clientFrame("two"), clientFrame("three"));
    sender.socket.readable(once(read));

    assertEquals(List.of(3), sender.output.writes);
    assertEquals(List.of(3), room.output.writes);
    assertEquals("echo:one|echo:two|echo:three|", sender.output.text());
    assertEquals("echo:one|echo:two|echo:three|", room.output.text());
    assertEquals(List.of(8, 8, 10), sender.written);
    assertEquals(List.of(8, 8, 10), room.written);
  }

  @Test
  void framesSentOutsideAReadGoOutAtOnce() {
    Peer peer = new Peer(null);
    peer.socket.sendText(TextFrame.of("a"), (length, failure) -> peer.written.add(length));
    peer.socket.sendText(TextFrame.of("b"), (length, failure) -> peer.written.add(length));

    assertEquals(List.of(1, 1), peer.output.writes);
    assertEquals(List.of(1, 1), peer.written);
  }

  /** One socket on a recording output; each text it gets is answered to it and to {@code also}. */
  private static final class Peer implements SocketEvents {

    final Recording output = new Recording();
    final List<Integer> written = new ArrayList<>();
    final StreamSocket socket;
    private final Peer also;

    Peer(Peer also) {
      this.also = also;
      this.socket = new StreamSocket(this, output, 65536, 65536, Duration.ofMinutes(1));
      socket.start();
      socket.writable(); // the container is ready for output
    }

    @Override public void opened(Socket opened) {}

    @Override
    public void text(String text) {
      TextFrame frame = TextFrame.of("echo:" + text);
      socket.sendText(frame, (length, failure) -> written.add(length));
      if (also != null) {
        also.socket.sendText(frame, (length, failure) -> also.written.add(length));
      }
    }

    @Override public void binary(ByteBuffer data) {}

    @Override public void pong() {}

    @Override public void failed(Throwable cause) {}

    @Override public void closed(int code, String reason) {}
  }

  /** An output that takes everything at once and records how many frames each write carried. */
  private static final class Recording implements StreamSocket.Output {

    final List<Integer> writes = new ArrayList<>();
    private final StringBuilder payloads = new StringBuilder();

    @Override
    public boolean write(ByteBuffer[] buffers) {
      writes.add(buffers.length);
      for (ByteBuffer buffer : buffers) {
        ByteBuffer frame = buffer.duplicate();
        int length = frame.get(1) & 0x7f; // the test's frames are shorter than 126 bytes
        frame.position(2);
        byte[] payload = new byte[length];
        frame.get(payload);
        payloads.append(new String(payload, StandardCharsets.UTF_8)).append('|');
      }
      return true;
    }

    String text() {
      return payloads.toString();
    }

    @Override public void close() {}
  }

  /** {@return input that has {@code bytes} for the first read and nothing after} */
  private static StreamSocket.Input once(byte[] bytes) {
    return new StreamSocket.Input() {
      private boolean given;

      @Override
      public int read(byte[] into, int offset, int length) {
        if (given) {
          return 0;
        }
        given = true;
        System.arraycopy(bytes, 0, into, offset, bytes.length);
        return bytes.length;
      }
    };
  }

  /** {@return a client's masked text frame} */
  private static byte[] clientFrame(String text) {
    byte[] payload = text.getBytes(StandardCharsets.UTF_8);
    byte[] mask = {1, 2, 3, 4};
    byte[] frame = new byte[6 + payload.length];
    frame[0] = (byte) 0x81;
    frame[1] = (byte) (0x80 | payload.length);
    System.arraycopy(mask, 0, frame, 2, 4);
    for (int i = 0; i < payload.length; i++) {
      frame[6 + i] = (byte) (payload[i] ^ mask[i % 4]);
    }
    return frame;
  }

  private static byte[] concat(byte[]... parts) {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    for (byte[] part : parts) {
      out.writeBytes(part);
    }
    return out.toByteArray();
  }
}
