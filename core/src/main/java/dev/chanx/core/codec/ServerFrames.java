package dev.chanx.core.codec;

import java.nio.ByteBuffer;

/**
 * RFC 6455 frames as a server writes them: final, unmasked, no extension bits, the header and
 * the payload in one array, so that one frame can be written to many sockets as it is.
 */
public final class ServerFrames {

  /** The opcode of a text frame. */
  public static final int TEXT = 0x1;
  /** The opcode of a binary frame. */
  public static final int BINARY = 0x2;
  /** The opcode of a close frame. */
  public static final int CLOSE = 0x8;
  /** The opcode of a ping. */
  public static final int PING = 0x9;
  /** The opcode of a pong. */
  public static final int PONG = 0xA;

  private ServerFrames() {}

  /**
   * {@return one final, unmasked frame holding {@code payload}, ready to write}
   *
   * @param opcode the frame's opcode, one of this class's constants
   * @param payload the payload, copied
   */
  public static ByteBuffer encode(int opcode, byte[] payload) {
    return encode(opcode, ByteBuffer.wrap(payload));
  }

  /**
   * {@return one final, unmasked frame holding the remaining bytes of {@code payload}, ready to
   * write; the payload's position does not move}
   *
   * @param opcode the frame's opcode, one of this class's constants
   * @param payload the payload, copied
   */
  public static ByteBuffer encode(int opcode, ByteBuffer payload) {
    int length = payload.remaining();
    int header = length < 126 ? 2 : length <= 0xFFFF ? 4 : 10;
    ByteBuffer frame = ByteBuffer.allocate(header + length);
    frame.put((byte) (0x80 | opcode));
    if (length < 126) {
      frame.put((byte) length);
    } else if (length <= 0xFFFF) {
      frame.put((byte) 126).putShort((short) length);
    } else {
      frame.put((byte) 127).putLong(length);
    }
    frame.put(payload.duplicate());
    return frame.flip();
  }
}
