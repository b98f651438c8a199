package dev.chanx.core.codec;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;

/**
 * One outgoing frame, serialised once as UTF-8 and shared by every recipient.
 *
 * <p>The bytes are never modified after construction, so a frame can be handed to many sockets
 * (and to a distributed channel layer) without copying or encoding it again.
 */
public final class TextFrame {

  private final byte[] utf8;
  // One read-only view made once; each recipient gets a duplicate (one object, not two).
  private final ByteBuffer view;
  private String text;
  // The whole WebSocket frame a server sends, made on first use and shared like the bytes.
  private volatile ByteBuffer wire;

  private TextFrame(byte[] utf8) {
    this.utf8 = utf8;
    this.view = ByteBuffer.wrap(utf8).asReadOnlyBuffer();
  }

  /**
   * {@return a frame from UTF-8 bytes that the caller hands over and no longer modifies}
   *
   * @param utf8 the frame's UTF-8 bytes, handed over
   */
  public static TextFrame ofUtf8(byte[] utf8) {
    return new TextFrame(utf8);
  }

  /**
   * {@return a frame from text}
   *
   * @param text the frame's text
   */
  public static TextFrame of(String text) {
    TextFrame frame = new TextFrame(text.getBytes(StandardCharsets.UTF_8));
    frame.text = text;
    return frame;
  }

  /**
   * {@return a read-only view of the frame's UTF-8 bytes; each call returns a fresh view}
   */
  public ByteBuffer buffer() {
    return view.duplicate();
  }

  /**
   * {@return a read-only view of this text as one RFC 6455 frame as a server sends it (final,
   * opcode text, unmasked, header and payload in one buffer); made once and shared by every
   * recipient, each call returns a fresh view}
   */
  public ByteBuffer serverFrame() {
    ByteBuffer frame = wire;
    if (frame == null) {
      frame = ServerFrames.encode(ServerFrames.TEXT, utf8).asReadOnlyBuffer();
      wire = frame;
    }
    return frame.duplicate();
  }

  /**
   * {@return the size of the frame in bytes}
   */
  public int length() {
    return utf8.length;
  }

  /**
   * {@return the frame's first byte (0 to 255), or -1 when it is empty: tells kinds of frames
   * apart cheaply}
   */
  public int firstByte() {
    return utf8.length == 0 ? -1 : utf8[0] & 0xFF;
  }

  /**
   * {@return the frame as text}
   */
  public String text() {
    String t = text;
    if (t == null) {
      t = new String(utf8, StandardCharsets.UTF_8);
      text = t;
    }
    return t;
  }

  @Override
  public String toString() {
    return text();
  }
}
