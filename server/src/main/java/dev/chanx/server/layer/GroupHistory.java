package dev.chanx.server.layer;

import dev.chanx.core.codec.TextFrame;
import java.security.SecureRandom;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.concurrent.locks.ReentrantLock;

/**
 * The in-memory history of one group: a bounded ring of its last frames with their offsets, in
 * one epoch made when the ring is. The layer holds {@link #lock} while it appends and delivers,
 * so members get the group's frames in the order of their offsets.
 */
final class GroupHistory {

  private static final SecureRandom RANDOM = new SecureRandom();

  final ReentrantLock lock = new ReentrantLock();
  private final String epoch = epoch();
  private final ArrayDeque<Entry> entries = new ArrayDeque<>();
  private final History history;
  private long head;
  // Guarded by the lock: the bytes before the offset in this group's pos, and the name they are for.
  private byte[] tail;
  private String tailName;
  // When the ring last changed or lost a member, for the layer's sweep of forgotten groups.
  private volatile long touchedNanos = System.nanoTime();

  private record Entry(long offset, TextFrame frame, long nanos) {}

  GroupHistory(History history) {
    this.history = history;
  }

  /** A fresh epoch: 48 random bits in base 36, so that two rings are told apart across restarts too. */
  static String epoch() {
    return Long.toString(RANDOM.nextLong() >>> 16, 36);
  }

  /** The position the next frame takes; call with the lock held. */
  Position next() {
    return new Position(epoch, head + 1);
  }

  /**
   * {@return the frame with its position as this group's next frame, appended at that offset};
   * call with the lock held. The usual send, to one group: what comes before the offset is
   * written once per ring, not once per send.
   *
   * @param frame a JSON object frame, without {@code pos}
   * @param name the group's name on the wire (the same for every send to this ring)
   */
  TextFrame appendOne(TextFrame frame, String name) {
    byte[] before = tail;
    if (before == null || !name.equals(tailName)) {
      before = FramePositions.tail(name, epoch);
      tail = before;
      tailName = name;
    }
    TextFrame positioned = FramePositions.write(frame, before, head + 1);
    append(positioned);
    return positioned;
  }

  /** Appends the frame at the next offset, dropping what falls out of the history; call with the lock held. */
  void append(TextFrame frame) {
    long now = System.nanoTime();
    entries.addLast(new Entry(++head, frame, now));
    while (entries.size() > history.size()) {
      entries.removeFirst();
    }
    expire(now);
    touchedNanos = now;
  }

  /** The epoch, head and frames after {@code after}, within the window. */
  HistoryRead read(Position after) {
    lock.lock();
    try {
      long now = System.nanoTime();
      expire(now);
      if (after == null || !after.epoch().equals(epoch) || after.offset() >= head) {
        return new HistoryRead(epoch, head, List.of());
      }
      List<HistoryRead.Entry> frames = new ArrayList<>((int) Math.min(head - after.offset(), entries.size()));
      // Walk back from the newest: the cost is what the client missed, not what the ring holds.
      Iterator<Entry> newest = entries.descendingIterator();
      while (newest.hasNext()) {
        Entry entry = newest.next();
        if (entry.offset() <= after.offset()) {
          break;
        }
        frames.add(new HistoryRead.Entry(entry.offset(), entry.frame()));
      }
      java.util.Collections.reverse(frames);
      return new HistoryRead(epoch, head, frames);
    } finally {
      lock.unlock();
    }
  }

  /** Marks the ring as used now: a member left, and may come back within the window. */
  void touch() {
    touchedNanos = System.nanoTime();
  }

  /** Whether nothing touched the ring for longer than the window, so nobody could still recover from it. */
  boolean forgotten(long now) {
    return now - touchedNanos > history.window().toNanos();
  }

  private void expire(long now) {
    long window = history.window().toNanos();
    while (!entries.isEmpty() && now - entries.peekFirst().nanos() > window) {
      entries.removeFirst();
    }
  }
}
