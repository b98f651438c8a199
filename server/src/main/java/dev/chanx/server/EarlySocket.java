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
  // The transport, open but held until the client speaks (see EarlyOpen): only an abort reaches it.
  private volatile Socket held;

  // Each call takes the open socket straight; only before it opens is the call made an object to keep.

  @Override
  public void sendText(TextFrame frame, FrameWritten written) {
    Socket socket = open;
    if (socket != null || (socket = keep(s -> s.sendText(frame, written), written, frame.length())) != null) {
      socket.sendText(frame, written);
    }
  }

  @Override
  public void sendBinary(ByteBuffer payload, FrameWritten written) {
    Socket socket = open;
    if (socket != null || (socket = keep(s -> s.sendBinary(payload, written), written, payload.remaining())) != null) {
      socket.sendBinary(payload, written);
    }
  }

  @Override
  public void ping() {
    Socket socket = open;
    if (socket != null || (socket = keep(Socket::ping, null, 0)) != null) {
      socket.ping();
    }
  }

  @Override
  public void close(int code, String reason) {
    Socket socket = open;
    if (socket != null || (socket = keep(s -> s.close(code, reason), null, 0)) != null) {
      socket.close(code, reason);
    }
  }

  @Override
  public void abort() {
    Socket waiting = held;
    if (open == null && waiting != null) {
      // A client that asked to speak first and never does is dropped all the same.
      waiting.abort();
      return;
    }
    Socket socket = open;
    if (socket != null || (socket = keep(Socket::abort, null, 0)) != null) {
      socket.abort();
    }
  }

  /**
   * The transport's socket is open, but what waits stays here until {@link #release}: an abort goes
   * to it at once.
   *
   * @param socket the transport's socket
   */
  void hold(Socket socket) {
    held = socket;
  }

  /** The held transport, if any, takes what waited and everything after (see {@link #attach}). */
  void release() {
    Socket socket = held;
    if (socket != null) {
      attach(socket);
    }
  }

  /**
   * The transport's socket is open: what waited goes to it, in order, and then everything else.
   *
   * @param socket the transport's socket
   */
  void attach(Socket socket) {
    synchronized (lock) {
      if (waiting == null) {
        // Abandoned: the socket closed (a held one can close before its client speaks), and
        // what waited has failed already.
        return;
      }
      // By index: a send reported written at once may send again from this thread, adding here.
      for (int i = 0; i < waiting.size(); i++) {
        waiting.get(i).call.accept(socket);
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

  /**
   * Keeps a call for the transport while it is not open; a send fails when it never will be.
   *
   * @return the transport's socket, to call now, when it opened meanwhile; else null
   */
  private Socket keep(Consumer<Socket> call, FrameWritten written, int length) {
    synchronized (lock) {
      if (waiting != null) {
        waiting.add(new Waiting(call, written, length));
        return null;
      }
      if (open != null) {
        return open;
      }
    }
    if (written != null) {
      written.done(length, new ClosedChannelException());
    }
    return null;
  }

  /** One call waiting for the transport; {@code written} is null for all but sends. */
  private record Waiting(Consumer<Socket> call, FrameWritten written, int length) {}
}
