package dev.chanx.server;

import dev.chanx.core.codec.TextFrame;
import java.nio.ByteBuffer;
import java.nio.channels.ClosedChannelException;
import java.util.ArrayList;
import java.util.function.Consumer;

/**
 * The server's side of a socket admitted before its transport has answered the upgrade: what the
 * server does to it meanwhile (the frames {@code onConnect} sends, an authentication frame, a
 * close) waits here in order and is handed to the transport's socket once that is open. Every
 * call after that goes straight through.
 *
 * <p>The server admits a socket before answering its upgrade so that, as with a Chanx consumer,
 * which joins its groups before it accepts, a client whose upgrade was answered is in its groups
 * already: a group send made right after it connected reaches it.
 */
final class EarlySocket implements Socket {

  private final Object lock = new Object();
  // What waits for the transport, in order; null once the transport is open or will never be.
  private ArrayList<Waiting> waiting = new ArrayList<>();
  private volatile Socket open;

  @Override
  public void sendText(TextFrame frame, FrameWritten written) {
    run(socket -> socket.sendText(frame, written), written, frame.length());
  }

  @Override
  public void sendBinary(ByteBuffer payload, FrameWritten written) {
    int length = payload.remaining();
    run(socket -> socket.sendBinary(payload, written), written, length);
  }

  @Override
  public void ping() {
    run(Socket::ping, null, 0);
  }

  @Override
  public void close(int code, String reason) {
    run(socket -> socket.close(code, reason), null, 0);
  }

  @Override
  public void abort() {
    run(Socket::abort, null, 0);
  }

  /**
   * The transport's socket is open: what waited goes to it, in order, and then everything else.
   *
   * @param socket the transport's socket
   */
  void attach(Socket socket) {
    synchronized (lock) {
      // By index: a send reported written at once may send again from this thread, adding here.
      for (int i = 0; i < waiting.size(); i++) {
        waiting.get(i).action.accept(socket);
      }
      waiting = null;
      open = socket;
    }
  }

  /** The transport will never open: what waited fails, as do later sends. */
  void abandon() {
    ArrayList<Waiting> failed;
    synchronized (lock) {
      failed = waiting;
      waiting = null;
    }
    if (failed != null) {
      for (Waiting w : failed) {
        if (w.written != null) {
          w.written.done(w.length, new ClosedChannelException());
        }
      }
    }
  }

  private void run(Consumer<Socket> action, FrameWritten written, int length) {
    Socket socket = open;
    if (socket == null) {
      synchronized (lock) {
        if (waiting != null) {
          waiting.add(new Waiting(action, written, length));
          return;
        }
        socket = open;
      }
      if (socket == null) {
        if (written != null) {
          written.done(length, new ClosedChannelException());
        }
        return;
      }
    }
    action.accept(socket);
  }

  /** One call waiting for the transport; {@code written} is null for all but sends. */
  private record Waiting(Consumer<Socket> action, FrameWritten written, int length) {}
}
