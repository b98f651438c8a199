package dev.chanx.server;

import dev.chanx.core.codec.TextFrame;
import java.nio.ByteBuffer;

/**
 * How a push to a channel with event transforms travels through the channel layer: its frame
 * behind one marker byte, so that the node delivering it knows to decode it and apply the
 * handler's transform per connection. The marker is ASCII RS (0x1E), the record separator of JSON
 * text sequences (RFC 7464); a frame the server writes always starts with <code>{</code>.
 */
final class PushFrames {

  static final int MARKER = 0x1E;

  private PushFrames() {}

  /** The frame behind the marker, ready for the layer. */
  static TextFrame mark(TextFrame frame) {
    byte[] bytes = new byte[frame.length() + 1];
    bytes[0] = MARKER;
    frame.buffer().get(bytes, 1, frame.length());
    return TextFrame.ofUtf8(bytes);
  }

  /** Whether a frame from the layer is a marked push. */
  static boolean isMarked(TextFrame frame) {
    return frame.firstByte() == MARKER;
  }

  /** The bytes of a marked push without its marker: the frame a client gets. */
  static byte[] unmark(TextFrame marked) {
    ByteBuffer buffer = marked.buffer();
    buffer.position(1);
    byte[] bytes = new byte[buffer.remaining()];
    buffer.get(bytes);
    return bytes;
  }
}
