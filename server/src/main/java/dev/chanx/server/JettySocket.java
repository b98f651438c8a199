package dev.chanx.server;

import dev.chanx.core.codec.TextFrame;
import java.nio.ByteBuffer;
import org.eclipse.jetty.util.BufferUtil;
import org.eclipse.jetty.util.Callback;
import org.eclipse.jetty.websocket.api.Session;
import org.eclipse.jetty.websocket.common.WebSocketSession;
import org.eclipse.jetty.websocket.core.CoreSession;
import org.eclipse.jetty.websocket.core.OpCode;

/**
 * A socket carried by Jetty's WebSocket implementation: the transport when compression is on,
 * since {@code permessage-deflate} is Jetty's; {@link LeanSocket} serves everything else.
 */
final class JettySocket implements Socket {

  private final Session session;
  private final CoreSession core;

  JettySocket(Session session) {
    this.session = session;
    this.core = ((WebSocketSession) session).getCoreSession();
  }

  /** A socket over a core session alone, for tests. */
  JettySocket(CoreSession core) {
    this.session = null;
    this.core = core;
  }

  @Override
  public void sendText(TextFrame frame, FrameWritten written) {
    OutgoingFrame out = new OutgoingFrame(written, OpCode.TEXT, frame.buffer());
    core.sendFrame(out, out, false);
  }

  @Override
  public void sendBinary(ByteBuffer payload, FrameWritten written) {
    OutgoingFrame out = new OutgoingFrame(written, OpCode.BINARY, payload);
    core.sendFrame(out, out, false);
  }

  @Override
  public void ping() {
    core.sendFrame(new org.eclipse.jetty.websocket.core.Frame(OpCode.PING, BufferUtil.EMPTY_BUFFER), Callback.NOOP,
        false);
  }

  @Override
  public void close(int code, String reason) {
    core.close(code, reason, Callback.NOOP);
  }

  @Override
  public void abort() {
    if (session != null) {
      session.disconnect();
    } else {
      core.abort();
    }
  }
}
