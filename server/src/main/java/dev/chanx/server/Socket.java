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
 *
 * <p>Public so that a host other than this server's own Jetty (a servlet container, through
 * {@link ChannelHost}) can carry sockets; a transport keeps frames in the order they were sent,
 * and queues a close behind the frames sent before it.
 */
public interface Socket {

  /**
   * Queues a text frame; {@code written} hears of it once, with the frame's payload length.
   *
   * @param frame the frame's UTF-8 payload
   * @param written told once when the frame is written or failed
   */
  void sendText(TextFrame frame, FrameWritten written);

  /**
   * Queues a binary frame of the payload's remaining bytes, which the caller no longer modifies.
   *
   * @param payload the frame's payload
   * @param written told once when the frame is written or failed
   */
  void sendBinary(ByteBuffer payload, FrameWritten written);

  /** Sends a ping with an empty payload. */
  void ping();

  /**
   * Starts the close handshake with a code and a reason (cut to what a close frame holds).
   *
   * @param code the close code, such as 1000
   * @param reason the close reason
   */
  void close(int code, String reason);

  /** Drops the TCP connection without a close handshake. */
  void abort();
}
