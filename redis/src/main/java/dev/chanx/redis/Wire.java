package dev.chanx.redis;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;

/** Length-prefixed strings in a message body: a 4-byte length, then UTF-8 bytes. */
final class Wire {

  /** The first byte of every message; a node drops messages of another version. */
  // 2: group messages carry the send's time and trace context.
  static final byte VERSION = 2;

  private Wire() {}

  static byte[] utf8(String text) {
    return text.getBytes(StandardCharsets.UTF_8);
  }

  static void put(ByteBuffer out, byte[] utf8) {
    out.putInt(utf8.length);
    out.put(utf8);
  }

  static String get(ByteBuffer in) {
    int length = in.getInt();
    if (length < 0 || length > in.remaining()) {
      throw new IllegalArgumentException("bad string length " + length);
    }
    String text = new String(in.array(), in.arrayOffset() + in.position(), length, StandardCharsets.UTF_8);
    in.position(in.position() + length);
    return text;
  }

  static void checkVersion(ByteBuffer in) {
    byte version = in.get();
    if (version != VERSION) {
      throw new IllegalArgumentException("unknown message version " + version);
    }
  }
}
