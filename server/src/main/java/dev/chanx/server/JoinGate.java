package dev.chanx.server;

import dev.chanx.core.codec.TextFrame;
import java.nio.ByteBuffer;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Holds what one connection is sent while a join of it waits for the channel layer to put the
 * membership in effect on every node, then lets it out in order: a client that has seen
 * {@code subscribed}, or the answer to the frame that joined it, gets what any node sends to the
 * group from then on, as a Django Channels consumer awaits {@code group_add}. Nothing waits on a
 * thread, so a server whose handlers never block keeps its promise. Bounded in time, so that a
 * layer that cannot confirm (its store unreachable) delays the member's frames, never drops them.
 */
final class JoinGate {

  private static final Logger LOG = LoggerFactory.getLogger(JoinGate.class);

  /** The longest a join holds its connection's frames. */
  static final long LIMIT_MILLIS = 2_000;

  private record Held(TextFrame text, ByteBuffer binary, boolean replayed) {}

  private final String connectionId;
  // The connection's socket past the gate.
  private final FrameSink socket;
  private final List<Held> held = new ArrayList<>();
  // Joins not yet in effect; the gate opens, for good, when the last one is.
  private int pending = 1;
  private boolean open;

  /** A gate that waits for one join, the one {@link #awaitJoin} is told of next. */
  JoinGate(String connectionId, FrameSink socket) {
    this.connectionId = connectionId;
    this.socket = socket;
  }

  /** Makes the gate wait for one more join too; false when it has opened already. */
  synchronized boolean enter() {
    if (open) {
      return false;
    }
    pending++;
    return true;
  }

  /**
   * Counts one join out when it completes or its time is up; {@code onOpen} runs after the gate
   * has opened, if this was its last join.
   */
  void awaitJoin(CompletableFuture<Void> joined, String key, Runnable onOpen) {
    joined.copy().orTimeout(LIMIT_MILLIS, TimeUnit.MILLISECONDS).whenComplete((ok, failure) -> {
      if (failure instanceof TimeoutException) {
        LOG.warn("The channel layer did not confirm within {} ms that connection {} joined {}; its frames go out "
            + "now, and frames other nodes sent to the group meanwhile may not have reached it", LIMIT_MILLIS,
            connectionId, key);
      } else if (failure != null) {
        LOG.warn("The channel layer failed to confirm that connection {} joined {}: {}", connectionId, key,
            failure.toString());
      }
      if (leave()) {
        onOpen.run();
      }
    });
  }

  /** Holds a text frame; false when the gate is open and the frame should go out at once. */
  synchronized boolean hold(TextFrame frame, boolean replayed) {
    if (open) {
      return false;
    }
    held.add(new Held(frame, null, replayed));
    return true;
  }

  /** Holds a binary frame; false when the gate is open and the frame should go out at once. */
  synchronized boolean holdBinary(ByteBuffer data) {
    if (open) {
      return false;
    }
    held.add(new Held(null, data, false));
    return true;
  }

  /** Opens the gate now, whatever joins are pending: the connection is closing. */
  synchronized void openNow() {
    if (!open) {
      release();
    }
  }

  /** Counts one join out; true when that opened the gate. */
  private synchronized boolean leave() {
    if (open || --pending > 0) {
      return false;
    }
    release();
    return true;
  }

  // Under the monitor, so a frame queued meanwhile waits in hold and goes out after these.
  private void release() {
    open = true;
    for (Held frame : held) {
      if (frame.text() != null) {
        if (frame.replayed()) {
          socket.replay(frame.text());
        } else {
          socket.send(frame.text());
        }
      } else {
        socket.sendBinary(frame.binary());
      }
    }
    held.clear();
  }
}
