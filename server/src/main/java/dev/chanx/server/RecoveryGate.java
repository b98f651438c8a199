package dev.chanx.server;

import dev.chanx.core.codec.TextFrame;
import dev.chanx.server.layer.FramePositions;
import dev.chanx.server.layer.HistoryRead;
import dev.chanx.server.layer.Position;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Consumer;

/**
 * What stands between the channel layer and one connection of a recoverable channel.
 *
 * <p>From the socket's opening until its groups are recovered, frames from the layer are held;
 * then the {@code recovery} frame goes out, the frames the client missed, and the held frames
 * that are not among them. A layer hands a group's frames over in the order of their offsets, but
 * some read before the history may still be on their way (from Redis): until a group's first frame
 * past the history's head, frames at or before it are dropped. From then on a frame passes with
 * two volatile reads, which is what every delivery costs on a recoverable channel.
 */
final class RecoveryGate {

  /** The history's head a group was recovered up to; frames at or before it were replayed. */
  private record Floor(String group, String epoch, long offset) {}

  private static final Floor[] NONE = {};

  private final Consumer<TextFrame> out;
  private final Consumer<TextFrame> replay;
  // Orders what is queued on the socket while held frames are flushed.
  private final Object lock = new Object();
  // Non-null while recovering.
  private volatile List<TextFrame> held = new ArrayList<>();
  // Replaced whole, rarely: set once recovered, each dropped by its group's first frame past it.
  private volatile Floor[] floors = NONE;

  /**
   * A gate queuing on its connection's socket: live frames through {@code out}, the missed frames
   * it replays through {@code replay} (a replay is bounded by the history's size, not by the
   * socket's queue bound, which is for live frames).
   */
  RecoveryGate(Consumer<TextFrame> out, Consumer<TextFrame> replay) {
    this.out = out;
    this.replay = replay;
  }

  /** Takes a frame from the layer: holds it while recovering, else passes it to the socket unless it was replayed. */
  void receive(TextFrame frame) {
    if (held != null) {
      synchronized (lock) {
        List<TextFrame> waiting = held;
        if (waiting != null) {
          waiting.add(frame);
          return;
        }
      }
    }
    if (floors.length == 0 || passes(frame)) {
      out.accept(frame);
    }
  }

  /** Ends the recovery: the recovery frame, the missed frames, then the held ones that are new. */
  void recovered(List<RecoveryOutcome> outcomes) {
    synchronized (lock) {
      List<TextFrame> waiting = held;
      if (waiting == null) {
        return;
      }
      if (!outcomes.isEmpty()) {
        out.accept(RecoveryFrames.of(outcomes));
      }
      // A frame sent to several recovered groups is in each one's history: replayed once.
      Set<String> replayed = outcomes.size() > 1 ? new HashSet<>() : null;
      List<Floor> heads = new ArrayList<>(outcomes.size());
      for (RecoveryOutcome outcome : outcomes) {
        for (HistoryRead.Entry entry : outcome.replay()) {
          if (replayed == null || replayed.add(entry.frame().text())) {
            replay.accept(entry.frame());
          }
        }
        heads.add(new Floor(outcome.group(), outcome.head().epoch(), outcome.head().offset()));
      }
      floors = heads.toArray(NONE);
      for (TextFrame frame : waiting) {
        if (passes(frame)) {
          out.accept(frame);
        }
      }
      held = null;
    }
  }

  /** {@return whether frames are still held: the recovery has not ended, for tests} */
  boolean recovering() {
    return held != null;
  }

  /** Drops what is held: the connection closes instead of recovering. */
  void abandon() {
    synchronized (lock) {
      held = null;
    }
  }

  /** Whether a frame is past the floors of its groups; a group's frame past its floor lifts it. */
  private boolean passes(TextFrame frame) {
    Map<String, Position> positions = FramePositions.of(frame);
    if (positions == null) {
      return true;
    }
    Floor[] now = floors;
    for (Floor floor : now) {
      Position position = positions.get(floor.group());
      if (position != null && position.epoch().equals(floor.epoch()) && position.offset() <= floor.offset()) {
        return false;
      }
    }
    for (Floor floor : now) {
      if (positions.containsKey(floor.group())) {
        lift(floor);
      }
    }
    return true;
  }

  private void lift(Floor floor) {
    synchronized (lock) {
      Floor[] now = floors;
      Floor[] after = Arrays.stream(now).filter(f -> f != floor).toArray(Floor[]::new);
      floors = after.length == 0 ? NONE : after;
    }
  }
}
