package dev.chanx.server;

import java.util.ArrayList;
import java.util.List;

/**
 * The frames that the handling of one read sends, held per socket until the read is handled,
 * so that a socket sent several of them gets them in one write.
 *
 * <p>Why: a read often carries several of a client's messages (it sent them while the server
 * was busy), and each of them is broadcast to the same room; written one by one, every recipient
 * costs one write per message, and a write is most of a delivery's cost. Held for the length of
 * one read's handling (microseconds), each recipient costs one write per read. Only the thread
 * that handles the read holds its frames; frames of other threads to a held socket queue behind
 * them, as they would behind any write in progress, and go out in the same write.
 */
final class ReadCork {

  private static final ThreadLocal<ReadCork> OPEN = new ThreadLocal<>();

  private final List<StreamSocket> held = new ArrayList<>();

  private ReadCork() {}

  /** {@return the cork this thread holds, or null when it is handling no read} */
  static ReadCork current() {
    return OPEN.get();
  }

  /** {@return a cork opened for this thread's read, or null when one is open already (it covers this read too)} */
  static ReadCork open() {
    if (OPEN.get() != null) {
      return null;
    }
    ReadCork cork = new ReadCork();
    OPEN.set(cork);
    return cork;
  }

  /** Remembers a socket whose frames wait for {@link #release()}. */
  void hold(StreamSocket socket) {
    held.add(socket);
  }

  /** Ends the cork and writes what each held socket queued, one write per socket. */
  void release() {
    OPEN.remove();
    for (StreamSocket socket : held) {
      socket.uncorked();
    }
    held.clear();
  }
}
