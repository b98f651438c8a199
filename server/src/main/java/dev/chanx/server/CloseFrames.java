package dev.chanx.server;

import dev.chanx.core.codec.ServerFrames;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;

/** The close frame our own transports send: a status code and a reason cut to fit RFC 6455. */
final class CloseFrames {

  // A control frame's payload is at most 125 bytes: two for the code, the rest for the reason.
  private static final int MOST_REASON_BYTES = 123;

  private CloseFrames() {}

  /**
   * Encodes a close frame.
   *
   * @param code the status code, or null for a close without one (and then without a reason)
   * @param reason the reason, cut at a character boundary to 123 bytes of UTF-8; may be null
   * @return the whole frame, header included
   */
  static ByteBuffer encode(Integer code, String reason) {
    byte[] payload;
    if (code == null) {
      payload = new byte[0];
    } else {
      byte[] text = truncate(reason);
      payload = new byte[2 + text.length];
      payload[0] = (byte) (code >>> 8);
      payload[1] = (byte) (int) code;
      System.arraycopy(text, 0, payload, 2, text.length);
    }
    return ServerFrames.encode(ServerFrames.CLOSE, payload);
  }

  private static byte[] truncate(String reason) {
    byte[] bytes = reason == null ? new byte[0] : reason.getBytes(StandardCharsets.UTF_8);
    if (bytes.length <= MOST_REASON_BYTES) {
      return bytes;
    }
    int end = MOST_REASON_BYTES;
    while (end > 0 && (bytes[end] & 0xC0) == 0x80) {
      end--;
    }
    return Arrays.copyOf(bytes, end);
  }
}
