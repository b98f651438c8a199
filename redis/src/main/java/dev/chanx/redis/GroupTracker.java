package dev.chanx.redis;

import dev.chanx.core.codec.TextFrame;
import dev.chanx.server.layer.FramePositions;
import dev.chanx.server.layer.Position;
import dev.chanx.server.layer.RecoveryNotice;
import java.util.ArrayDeque;
import java.util.List;
import java.util.function.Consumer;

/**
 * What this node has delivered of one recoverable group: the epoch and last offset. A frame that
 * comes from Redis past the next offset reveals frames this node missed (a subscription broken, a
 * Redis restarted): it and those after it wait while the missing ones are read from the group's
 * history, then all are delivered in order. A frame at or before the last offset was delivered
 * already (by a repair) and is dropped.
 */
final class GroupTracker {

  /** Reads a range of a group's history: the frames with offsets {@code from} to {@code to}, in order. */
  interface Repair {
    void read(GroupTracker tracker, long from, long to);
  }

  private final String wireName;
  private final Consumer<GroupMessage> deliver;
  private final Repair repair;
  private final ArrayDeque<GroupMessage> waiting = new ArrayDeque<>();
  private String epoch;
  private long last;
  private boolean repairing;
  // Frames of this epoch were lost for good here: the next one is taken whatever its offset.
  private boolean skipAhead;

  GroupTracker(String wireName, Consumer<GroupMessage> deliver, Repair repair) {
    this.wireName = wireName;
    this.deliver = deliver;
    this.repair = repair;
  }

  /** A message from the group's channel. */
  synchronized void received(GroupMessage message) {
    if (repairing) {
      waiting.addLast(message);
      return;
    }
    pass(message);
  }

  /** Notes a position known to be in the history already (read for a client), if nothing was delivered yet. */
  synchronized void seed(Position head) {
    if (epoch == null) {
      epoch = head.epoch();
      last = head.offset();
    }
  }

  /** The group's head in Redis, read on a timer: frames this node never heard of are repaired. */
  synchronized void head(Position head) {
    if (!repairing && epoch != null && epoch.equals(head.epoch()) && head.offset() > last) {
      startRepair(last + 1, head.offset());
    }
  }

  /** The frames a repair read, in order; {@code complete} false when some were no longer there or unreadable. */
  synchronized void repaired(List<TextFrame> frames, boolean complete) {
    for (TextFrame frame : frames) {
      Position position = FramePositions.of(frame, wireName);
      if (position != null && position.epoch().equals(epoch) && position.offset() == last + 1) {
        last++;
        deliver.accept(new GroupMessage("", "", List.of(), frame));
      }
    }
    repairing = false;
    if (!complete) {
      // Lost for good on this node: the caller resets the group's epoch, which the next frames carry.
      skipAhead = true;
    }
    while (!repairing && !waiting.isEmpty()) {
      pass(waiting.pollFirst());
    }
  }

  /** The last offset delivered, for tests. */
  synchronized long last() {
    return last;
  }

  private void pass(GroupMessage message) {
    Position position = FramePositions.of(message.frame(), wireName);
    if (position == null) {
      deliver.accept(message); // a completion frame, after its frame
      return;
    }
    if (epoch == null || !epoch.equals(position.epoch())) {
      if (epoch != null) {
        // The members here knew the old epoch: told before the first frame of the new one.
        deliver.accept(new GroupMessage("", "", List.of(),
            RecoveryNotice.epochChanged(wireName, new Position(position.epoch(), position.offset() - 1))));
      }
      epoch = position.epoch();
      last = position.offset();
      deliver.accept(message);
    } else if (skipAhead && position.offset() > last) {
      skipAhead = false;
      last = position.offset();
      deliver.accept(message);
    } else if (position.offset() <= last) {
      return;
    } else if (position.offset() == last + 1) {
      last++;
      deliver.accept(message);
    } else {
      waiting.addFirst(message);
      startRepair(last + 1, position.offset() - 1);
    }
  }

  private void startRepair(long from, long to) {
    repairing = true;
    repair.read(this, from, to);
  }
}
