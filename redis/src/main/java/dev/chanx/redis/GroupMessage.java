package dev.chanx.redis;

import dev.chanx.core.codec.TextFrame;
import java.nio.ByteBuffer;
import java.util.ArrayList;
import java.util.List;

/**
 * What travels on a group's channel: the sending node, the connection to leave out, the
 * groups of the same send that come before this one, and the frame.
 *
 * <p>A send to several groups is published once per group; a node delivers each copy only to
 * members that are in none of the earlier groups, so each member gets the frame once.
 *
 * @param origin the node that published it, which has already delivered to its own members
 * @param exclude the connection to leave out, empty for none
 * @param earlier the group keys of the same send published before this copy
 * @param frame the frame
 */
record GroupMessage(String origin, String exclude, List<String> earlier, TextFrame frame) {

  /** What comes before the frame in a message, for a Redis script that appends the frame. */
  static byte[] prefix(String origin, String exclude, List<String> earlier) {
    byte[] message = new GroupMessage(origin, exclude, earlier, TextFrame.of("")).encode();
    return message;
  }

  byte[] encode() {
    byte[] originBytes = Wire.utf8(origin);
    byte[] excludeBytes = Wire.utf8(exclude);
    List<byte[]> earlierBytes = new ArrayList<>(earlier.size());
    int size = 1 + 4 + originBytes.length + 4 + excludeBytes.length + 4 + frame.length();
    for (String group : earlier) {
      byte[] bytes = Wire.utf8(group);
      earlierBytes.add(bytes);
      size += 4 + bytes.length;
    }
    ByteBuffer out = ByteBuffer.allocate(size);
    out.put(Wire.VERSION);
    Wire.put(out, originBytes);
    Wire.put(out, excludeBytes);
    out.putInt(earlierBytes.size());
    for (byte[] bytes : earlierBytes) {
      Wire.put(out, bytes);
    }
    out.put(frame.buffer());
    return out.array();
  }

  /** @throws IllegalArgumentException or a buffer exception when the bytes are not a message */
  static GroupMessage decode(byte[] bytes) {
    ByteBuffer in = ByteBuffer.wrap(bytes);
    Wire.checkVersion(in);
    String origin = Wire.get(in);
    String exclude = Wire.get(in);
    int count = in.getInt();
    if (count < 0 || count > in.remaining() / 4) {
      throw new IllegalArgumentException("bad group count " + count);
    }
    List<String> earlier = new ArrayList<>(count);
    for (int i = 0; i < count; i++) {
      earlier.add(Wire.get(in));
    }
    byte[] frame = new byte[in.remaining()];
    in.get(frame);
    return new GroupMessage(origin, exclude, earlier, TextFrame.ofUtf8(frame));
  }
}
