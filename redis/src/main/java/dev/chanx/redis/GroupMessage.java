package dev.chanx.redis;

import dev.chanx.core.codec.TextFrame;
import java.nio.ByteBuffer;
import java.util.ArrayList;
import java.util.List;

/**
 * What travels on a group's channel: the sending node, when it sent and in which trace, the
 * connection to leave out, the groups of the same send that come before this one, and the frame.
 *
 * <p>A send to several groups is published once per group; a node delivers each copy only to
 * members that are in none of the earlier groups, so each member gets the frame once.
 *
 * @param origin the node that published it, which has already delivered to its own members
 * @param sentAtMillis the sending node's wall-clock time of the send, for the layer's lag
 * @param context the send's trace context (a W3C {@code traceparent}), empty for none
 * @param exclude the connection to leave out, empty for none
 * @param earlier the group keys of the same send published before this copy
 * @param frame the frame
 */
record GroupMessage(String origin, long sentAtMillis, String context, String exclude, List<String> earlier,
    TextFrame frame) {

  /** A message that carries no send time or trace context, such as a frame read back from a history. */
  GroupMessage(String origin, String exclude, List<String> earlier, TextFrame frame) {
    this(origin, 0, "", exclude, earlier, frame);
  }

  /** What comes before the frame in a message, for a Redis script that appends the frame. */
  static byte[] prefix(String origin, long sentAtMillis, String context, String exclude, List<String> earlier) {
    return new GroupMessage(origin, sentAtMillis, context, exclude, earlier, TextFrame.of("")).encode();
  }

  byte[] encode() {
    byte[] originBytes = Wire.utf8(origin);
    byte[] contextBytes = Wire.utf8(context);
    byte[] excludeBytes = Wire.utf8(exclude);
    List<byte[]> earlierBytes = new ArrayList<>(earlier.size());
    int size = 1 + 4 + originBytes.length + 8 + 4 + contextBytes.length + 4 + excludeBytes.length + 4
        + frame.length();
    for (String group : earlier) {
      byte[] bytes = Wire.utf8(group);
      earlierBytes.add(bytes);
      size += 4 + bytes.length;
    }
    ByteBuffer out = ByteBuffer.allocate(size);
    out.put(Wire.VERSION);
    Wire.put(out, originBytes);
    out.putLong(sentAtMillis);
    Wire.put(out, contextBytes);
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
    long sentAt = in.getLong();
    String context = Wire.get(in);
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
    return new GroupMessage(origin, sentAt, context, exclude, earlier, TextFrame.ofUtf8(frame));
  }
}
