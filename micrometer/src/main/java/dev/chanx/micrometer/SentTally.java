package dev.chanx.micrometer;

import java.lang.invoke.MethodHandles;
import java.lang.invoke.VarHandle;
import java.lang.ref.WeakReference;
import java.util.concurrent.CopyOnWriteArrayList;

/**
 * Frames queued to one channel's sockets and their bytes, counted once per delivery, so a group
 * send to 19 members counts 19 times, on whichever server threads deliver. A shared adder would
 * bounce its cache line between cores on every delivery; here each thread adds to a cell of its
 * own with plain stores, and a scrape sums the cells. A cell's counts sit in the middle of an
 * array of their own, so that no other thread's writes share their cache line: the collector
 * copies the cells next to each other (it reaches them one after the other from the list).
 */
final class SentTally {

  private static final VarHandle COUNTS = MethodHandles.arrayElementVarHandle(long[].class);
  // Where a cell's counts sit in its array: 64 bytes or more of the array on either side of them.
  private static final int FRAMES = 8;
  private static final int BYTES = 9;
  private static final int LENGTH = 18;

  // Every live thread's cell. A scrape folds the cells of threads that ended into the totals
  // below and drops them, so a pool that replaces its threads for months keeps a few cells.
  private final CopyOnWriteArrayList<Cell> cells = new CopyOnWriteArrayList<>();
  // The counts of threads that ended, at the same indexes as in a cell.
  private final long[] ended = new long[LENGTH];
  // Made on the thread that uses it, so in its own allocation buffer, away from other threads' cells.
  private final ThreadLocal<Cell> mine = ThreadLocal.withInitial(this::newCell);

  /**
   * Counts one frame queued to a socket.
   *
   * @param size the frame's size in bytes
   */
  void add(int size) {
    long[] counts = mine.get().counts;
    // Only this thread writes the cell: a release store suffices, no atomic read-modify-write.
    COUNTS.setRelease(counts, FRAMES, counts[FRAMES] + 1);
    COUNTS.setRelease(counts, BYTES, counts[BYTES] + size);
  }

  /** {@return frames counted so far} */
  synchronized double frames() {
    return sum(FRAMES);
  }

  /** {@return bytes counted so far} */
  synchronized double bytes() {
    return sum(BYTES);
  }

  // Called holding the lock: the count at index of every thread, ended or live.
  private long sum(int index) {
    foldEnded();
    long sum = ended[index];
    for (Cell cell : cells) {
      sum += (long) COUNTS.getAcquire(cell.counts, index);
    }
    return sum;
  }

  // A thread that ended writes its cell no more, so its counts are final and can move to the totals.
  private void foldEnded() {
    for (Cell cell : cells) {
      Thread owner = cell.owner.get();
      if (owner == null || !owner.isAlive()) {
        ended[FRAMES] += (long) COUNTS.getAcquire(cell.counts, FRAMES);
        ended[BYTES] += (long) COUNTS.getAcquire(cell.counts, BYTES);
        cells.remove(cell);
      }
    }
  }

  /** {@return how many threads' cells are kept} */
  int cells() {
    return cells.size();
  }

  private Cell newCell() {
    Cell cell = new Cell(Thread.currentThread());
    cells.add(cell);
    return cell;
  }

  /** One thread's counts: frames and bytes, in the middle of {@code counts}. */
  private static final class Cell {
    final WeakReference<Thread> owner;
    final long[] counts = new long[LENGTH];

    Cell(Thread owner) {
      this.owner = new WeakReference<>(owner);
    }
  }
}
