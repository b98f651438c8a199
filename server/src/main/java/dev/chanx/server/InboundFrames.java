package dev.chanx.server;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;

/**
 * Reads a client's RFC 6455 frames from the bytes as they arrive: unmasks them, joins fragments
 * into messages, checks sizes, UTF-8 and the protocol's rules, and tells its {@link Sink} of each
 * message and control frame. Any breach throws {@link Breach} with the close code to send.
 *
 * <p>A whole unfragmented message already in the buffer, the usual case, is unmasked in place and
 * decoded from there; only fragments and messages split across reads are copied.
 */
final class InboundFrames {

  /** What the reader finds. */
  interface Sink {

    void text(String text);

    void binary(byte[] payload);

    void peerPing(byte[] payload);

    void pong();

    /** A close frame: its code (1005 when it had none) and reason. */
    void peerClose(int code, String reason);
  }

  /** A frame that breaks the protocol or a limit: the connection closes with {@code code}. */
  static final class Breach extends Exception {

    final int code;

    Breach(int code, String reason) {
      super(reason, null, false, false);
      this.code = code;
    }
  }

  static final int PROTOCOL = 1002;
  static final int BAD_DATA = 1007;
  static final int TOO_LARGE = 1009;
  static final int NO_CODE = 1005;

  private final Sink sink;
  private final int maxText;
  private final int maxBinary;
  // The message being joined from fragments or from several reads: its opcode (0 when none) and bytes.
  private int messageOpcode;
  private byte[] message = new byte[0];
  private int messageLength;
  // A frame whose payload is still arriving: bytes left, whether it ends the message, its mask.
  private long payloadLeft;
  private boolean frameFin;
  private int mask;
  private int maskIndex;

  InboundFrames(Sink sink, int maxText, int maxBinary) {
    this.sink = sink;
    this.maxText = maxText;
    this.maxBinary = maxBinary;
  }

  /**
   * Reads every whole frame in {@code in} (flush mode), leaving an incomplete header in it for the
   * next call; the sink is told of each message as it completes.
   */
  void read(ByteBuffer in) throws Breach {
    while (in.hasRemaining() && readOne(in)) {
      // one frame, or the part of one that was there
    }
  }

  /** Reads one frame or the available part of one; false when more bytes are needed. */
  private boolean readOne(ByteBuffer in) throws Breach {
    if (payloadLeft > 0) {
      return continuePayload(in);
    }
    int start = in.position();
    int available = in.remaining();
    if (available < 2) {
      return false;
    }
    int b0 = in.get(start) & 0xFF;
    int b1 = in.get(start + 1) & 0xFF;
    boolean fin = (b0 & 0x80) != 0;
    int opcode = b0 & 0x0F;
    if ((b0 & 0x70) != 0) {
      throw new Breach(PROTOCOL, "RSV bits set, but no extension was negotiated");
    }
    if ((b1 & 0x80) == 0) {
      throw new Breach(PROTOCOL, "Client frame is not masked");
    }
    long length = b1 & 0x7F;
    int header = 6;
    if (length == 126) {
      header = 8;
      if (available < 4) {
        return false;
      }
      length = in.getShort(start + 2) & 0xFFFF;
    } else if (length == 127) {
      header = 14;
      if (available < 10) {
        return false;
      }
      length = in.getLong(start + 2);
      if (length < 0) {
        throw new Breach(PROTOCOL, "Frame length with the top bit set");
      }
    }
    if (available < header) {
      return false;
    }
    boolean control = opcode >= 0x8;
    if (control) {
      if (opcode > 0xA) {
        throw new Breach(PROTOCOL, "Unknown opcode " + opcode);
      }
      if (!fin) {
        throw new Breach(PROTOCOL, "Fragmented control frame");
      }
      if (length > 125) {
        throw new Breach(PROTOCOL, "Control frame over 125 bytes");
      }
      if (available < header + length) {
        return false;
      }
    } else if (opcode == 0) {
      if (messageOpcode == 0) {
        throw new Breach(PROTOCOL, "Continuation frame without a message");
      }
    } else if (opcode <= 0x2) {
      if (messageOpcode != 0) {
        throw new Breach(PROTOCOL, "New message before the fragmented one ended");
      }
    } else {
      throw new Breach(PROTOCOL, "Unknown opcode " + opcode);
    }
    if (!control) {
      boolean binary = opcode == 0x2 || opcode == 0 && messageOpcode == 0x2;
      int max = binary ? maxBinary : maxText;
      if (length > max - messageLength) {
        throw new Breach(TOO_LARGE, (binary ? "Binary" : "Text") + " message too large: (actual) "
            + (messageLength + length) + " > (configured max message size) " + max);
      }
    }
    int key = in.getInt(start + header - 4);
    int payloadStart = start + header;
    int n = (int) length;
    if (control) {
      byte[] payload = new byte[n];
      for (int i = 0; i < n; i++) {
        payload[i] = (byte) (in.get(payloadStart + i) ^ (key >>> (24 - 8 * (i & 3))));
      }
      in.position(payloadStart + n);
      control(opcode, payload);
      return true;
    }
    if (opcode != 0) {
      messageOpcode = opcode;
    }
    if (fin && opcode != 0 && in.remaining() - header >= n && in.hasArray()) {
      // The whole message is here: unmask in place and read it from the buffer.
      byte[] array = in.array();
      int from = in.arrayOffset() + payloadStart;
      unmask(array, from, n, key, 0);
      in.position(payloadStart + n);
      messageOpcode = 0;
      deliver(opcode, array, from, n);
      return true;
    }
    in.position(payloadStart);
    payloadLeft = length;
    frameFin = fin;
    mask = key;
    maskIndex = 0;
    if (message.length < messageLength + n) {
      int max = messageOpcode == 0x2 ? maxBinary : maxText;
      message = Arrays.copyOf(message, Math.max(messageLength + n, Math.min(max, 2 * message.length)));
    }
    return continuePayload(in);
  }

  /** Copies what is there of the current frame's payload; true once the frame is complete. */
  private boolean continuePayload(ByteBuffer in) throws Breach {
    int n = (int) Math.min(payloadLeft, in.remaining());
    in.get(message, messageLength, n);
    unmask(message, messageLength, n, mask, maskIndex);
    messageLength += n;
    maskIndex = (maskIndex + n) & 3;
    payloadLeft -= n;
    if (payloadLeft > 0) {
      return false;
    }
    if (frameFin) {
      int opcode = messageOpcode;
      int length = messageLength;
      messageOpcode = 0;
      messageLength = 0;
      byte[] whole = message;
      if (whole.length > 4096) {
        // A large message's array is not kept for the life of the connection.
        message = new byte[0];
      }
      deliver(opcode, whole, 0, length);
    }
    return true;
  }

  private void deliver(int opcode, byte[] bytes, int from, int length) throws Breach {
    if (opcode == 0x1) {
      if (!Utf8.valid(bytes, from, length)) {
        throw new Breach(BAD_DATA, "Invalid UTF-8 in a text message");
      }
      sink.text(new String(bytes, from, length, StandardCharsets.UTF_8));
    } else {
      sink.binary(Arrays.copyOfRange(bytes, from, from + length));
    }
  }

  private void control(int opcode, byte[] payload) throws Breach {
    switch (opcode) {
      case 0x9 -> sink.peerPing(payload);
      case 0xA -> sink.pong();
      default -> {
        if (payload.length == 0) {
          sink.peerClose(NO_CODE, "");
          return;
        }
        if (payload.length == 1) {
          throw new Breach(PROTOCOL, "Close frame with a one-byte payload");
        }
        int code = ((payload[0] & 0xFF) << 8) | (payload[1] & 0xFF);
        if (!validCloseCode(code)) {
          throw new Breach(PROTOCOL, "Invalid close code " + code);
        }
        if (!Utf8.valid(payload, 2, payload.length - 2)) {
          throw new Breach(BAD_DATA, "Invalid UTF-8 in a close reason");
        }
        sink.peerClose(code, new String(payload, 2, payload.length - 2, StandardCharsets.UTF_8));
      }
    }
  }

  /** {@return whether a peer may send this close code (RFC 6455, section 7.4)} */
  static boolean validCloseCode(int code) {
    return code >= 1000 && code <= 1003 || code >= 1007 && code <= 1014 || code >= 3000 && code <= 4999;
  }

  private static void unmask(byte[] bytes, int from, int length, int key, int keyIndex) {
    for (int i = 0; i < length; i++) {
      bytes[from + i] ^= (byte) (key >>> (24 - 8 * ((keyIndex + i) & 3)));
    }
  }
}
