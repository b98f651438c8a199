package dev.chanx.redis;

import dev.chanx.core.codec.TextFrame;
import java.nio.ByteBuffer;

/**
 * What travels on a node's channel: the connection it is for, and the frame.
 *
 * @param target the id of a connection on the receiving node
 * @param frame the frame
 */
record DirectMessage(String target, TextFrame frame) {

  byte[] encode() {
    byte[] targetBytes = Wire.utf8(target);
    ByteBuffer out = ByteBuffer.allocate(1 + 4 + targetBytes.length + frame.length());
    out.put(Wire.VERSION);
    Wire.put(out, targetBytes);
    out.put(frame.buffer());
    return out.array();
  }

  /** @throws IllegalArgumentException or a buffer exception when the bytes are not a message */
  static DirectMessage decode(byte[] bytes) {
    ByteBuffer in = ByteBuffer.wrap(bytes);
    Wire.checkVersion(in);
    String target = Wire.get(in);
    byte[] frame = new byte[in.remaining()];
    in.get(frame);
    return new DirectMessage(target, TextFrame.ofUtf8(frame));
  }
}
