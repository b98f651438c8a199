package dev.chanx.server;

import dev.chanx.core.codec.TextFrame;
import dev.chanx.server.layer.FramePositions;
import dev.chanx.server.layer.HistoryRead;
import dev.chanx.server.layer.Position;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Consumer;
import java.util.function.Predicate;

/**
 * What stands between the channel layer and one connection of a recoverable channel.
 *
 * <p>From the socket's opening until its groups are recovered, frames from the layer are held;
 * then the {@code recovery} frame goes out, the frames the client missed, and the held frames
 * that are not among them. From then on each frame passes unless its position in a group is not
 * past the last one delivered (a frame the layer delivered twice, as after repairing a gap), and a
 * group whose epoch changes gets a {@code recovery} frame saying so before its next frame.
 */
final class RecoveryGate {

  private final Predicate<String> member;
  private final Consumer<TextFrame> out;
  // Guards the fields below, and orders what is queued on the socket.
  private final Object lock = new Object();
  // Null once recovered.
  private List<TextFrame> held = new ArrayList<>();
  // The last position delivered, by group name on the wire.
  private final Map<String, Position> seen = new HashMap<>();

  /** A gate for a connection whose joined groups {@code member} tells, queuing on its socket through {@code out}. */
  RecoveryGate(Predicate<String> member, Consumer<TextFrame> out) {
    this.member = member;
    this.out = out;
  }

  /** Takes a frame from the layer: holds it while recovering, else passes it to {@code out} unless it is a repeat. */
  void receive(TextFrame frame) {
    Map<String, Position> positions = FramePositions.of(frame);
    synchronized (lock) {
      if (held != null) {
        held.add(frame);
      } else if (positions == null || admit(positions)) {
        out.accept(frame);
      }
    }
  }

  /** Ends the recovery: the recovery frame, the missed frames, then the held ones that are new. */
  void recovered(List<RecoveryOutcome> outcomes) {
    synchronized (lock) {
      if (held == null) {
        return;
      }
      if (!outcomes.isEmpty()) {
        out.accept(RecoveryFrames.of(outcomes));
      }
      // A frame sent to several recovered groups is in each one's history: replayed once.
      Set<String> replayed = outcomes.size() > 1 ? new HashSet<>() : null;
      for (RecoveryOutcome outcome : outcomes) {
        for (HistoryRead.Entry entry : outcome.replay()) {
          if (replayed == null || replayed.add(entry.frame().text())) {
            out.accept(entry.frame());
          }
        }
        seen.put(outcome.group(), outcome.head());
      }
      List<TextFrame> waiting = held;
      held = null;
      for (TextFrame frame : waiting) {
        Map<String, Position> positions = FramePositions.of(frame);
        if (positions == null || admit(positions)) {
          out.accept(frame);
        }
      }
    }
  }

  /** Drops what is held: the connection closes instead of recovering. */
  void abandon() {
    synchronized (lock) {
      held = null;
    }
  }

  /** Whether a frame at these positions is new for this connection; notes it as delivered if so. */
  private boolean admit(Map<String, Position> positions) {
    for (Map.Entry<String, Position> group : positions.entrySet()) {
      Position last = seen.get(group.getKey());
      if (last != null && last.epoch().equals(group.getValue().epoch())
          && group.getValue().offset() <= last.offset()) {
        return false;
      }
    }
    for (Map.Entry<String, Position> group : positions.entrySet()) {
      String name = group.getKey();
      Position now = group.getValue();
      Position last = seen.get(name);
      if (last == null && !member.test(name)) {
        continue;
      }
      if (last != null && !last.epoch().equals(now.epoch())) {
        // The history was lost (a Redis without persistence restarted, frames could not be kept):
        // the client is told before the first frame of the new epoch, never left with a silent gap.
        out.accept(RecoveryFrames.lost(name, "epoch_changed", new Position(now.epoch(), now.offset() - 1)));
      }
      seen.put(name, now);
    }
    return true;
  }
}
