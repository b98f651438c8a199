package dev.chanx.server;

import dev.chanx.core.codec.TextFrame;
import java.nio.ByteBuffer;

/**
 * The transport seam: what the rest of the server does to one WebSocket, whichever transport
 * carries it ({@link LeanSocket}, the default, or {@link JettySocket} when compression is on).
 * What comes in goes the other way, to {@link SocketEvents}.
 *
 * <p>Every method returns at once and never throws; sends are reported to their
 * {@link FrameWritten} when written or failed, and fail once a close frame was sent.
 */
interface Socket {

  /** Queues a text frame; {@code written} hears of it once, with the frame's payload length. */
  void sendText(TextFrame frame, FrameWritten written);

  /** Queues a binary frame of the payload's remaining bytes, which the caller no longer modifies. */
  void sendBinary(ByteBuffer payload, FrameWritten written);

  /** Sends a ping with an empty payload. */
  void ping();

  /** Starts the close handshake with a code and a reason (cut to what a close frame holds). */
  void close(int code, String reason);

  /** Drops the TCP connection without a close handshake. */
  void abort();
}
