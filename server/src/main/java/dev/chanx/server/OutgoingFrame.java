package dev.chanx.server;

import java.nio.ByteBuffer;
import org.eclipse.jetty.util.Callback;
import org.eclipse.jetty.websocket.core.Frame;

/**
 * One text or binary frame on its way to one socket through Jetty's WebSocket implementation, and
 * its own write callback: a send needs a frame object anyway, so the outbox's accounting costs no
 * second allocation.
 */
final class OutgoingFrame extends Frame implements Callback {

  private final FrameWritten outbox;
  private final int length;

  OutgoingFrame(FrameWritten outbox, byte opcode, ByteBuffer payload) {
    super(opcode, payload);
    this.outbox = outbox;
    this.length = payload.remaining();
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
