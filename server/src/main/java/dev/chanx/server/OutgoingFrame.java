package dev.chanx.server;

import dev.chanx.core.codec.TextFrame;
import java.nio.ByteBuffer;
import org.eclipse.jetty.util.Callback;
import org.eclipse.jetty.websocket.core.Frame;
import org.eclipse.jetty.websocket.core.OpCode;

/**
 * One text or binary frame on its way to one socket, and its own write callback: a send needs a frame
 * object anyway, so the outbox's accounting costs no second allocation.
 */
final class OutgoingFrame extends Frame implements Callback {

  private final FrameWritten outbox;
  private final int length;

  OutgoingFrame(FrameWritten outbox, TextFrame frame) {
    super(OpCode.TEXT, frame.buffer());
    this.outbox = outbox;
    this.length = frame.length();
  }

  /** A binary frame of the bytes from {@code data}'s position to its limit. */
  OutgoingFrame(FrameWritten outbox, ByteBuffer data) {
    super(OpCode.BINARY, data);
    this.outbox = outbox;
    this.length = data.remaining();
  }

  @Override
  public void succeeded() {
    outbox.done(length, null);
  }

  @Override
  public void failed(Throwable cause) {
    outbox.done(length, cause);
  }

  @Override
  public InvocationType getInvocationType() {
    // Only counters are updated: Jetty may call this on its I/O thread.
    return InvocationType.NON_BLOCKING;
  }
}
