package dev.chanx.micrometer;

import java.lang.invoke.MethodHandles;
import java.lang.invoke.VarHandle;
import java.lang.ref.WeakReference;
import java.util.concurrent.CopyOnWriteArrayList;

/**
 * A few counts added to on hot paths by many threads, such as the frames queued to a channel's
 * sockets and their bytes (once per delivery, so a group send to 19 members adds 19 times). A
 * shared adder would bounce its cache line between cores on every add, and a Micrometer timer
 * updates several structures all threads share; here each thread adds to a cell of its own with
 * plain stores, and a scrape sums the cells. A cell's counts sit in the middle of an array of their own,
 * so that no other thread's writes share their cache line: the collector copies the cells next to
 * each other (it reaches them one after the other from the list).
 */
final class Tally {

  private static final VarHandle COUNTS = MethodHandles.arrayElementVarHandle(long[].class);
  // Where a cell's counts start in its array: 64 bytes or more of the array on either side of them.
  private static final int FIRST = 8;

  private final int width;
  // Every live thread's cell. A scrape folds the cells of threads that ended into the totals
  // below and drops them, so a pool that replaces its threads for months keeps a few cells.
  private final CopyOnWriteArrayList<Cell> cells = new CopyOnWriteArrayList<>();
  // The counts of threads that ended, at the same indexes as in a cell.
  private final long[] ended;
  // Made on the thread that uses it, so in its own allocation buffer, away from other threads' cells.
  private final ThreadLocal<Cell> mine = ThreadLocal.withInitial(this::newCell);

  /**
   * Makes a tally of {@code width} counts, numbered from 0, all zero.
   *
   * @param width how many counts: 2 or 3, as the {@code add} methods take
   */
  Tally(int width) {
    if (width < 2 || width > 3) {
      throw new IllegalArgumentException("a tally keeps 2 or 3 counts, not " + width);
    }
    this.width = width;
    this.ended = new long[FIRST + width + FIRST];
  }

  /**
   * Adds to counts 0 and 1.
   *
   * @param first what to add to count 0
   * @param second what to add to count 1
   */
  void add(long first, long second) {
    long[] counts = mine.get().counts;
    // Only this thread writes the cell: a release store suffices, no atomic read-modify-write.
    COUNTS.setRelease(counts, FIRST, counts[FIRST] + first);
    COUNTS.setRelease(counts, FIRST + 1, counts[FIRST + 1] + second);
  }

  /**
   * Adds to counts 0, 1 and 2 of a tally of three.
   *
   * @param first what to add to count 0
   * @param second what to add to count 1
   * @param third what to add to count 2
   */
  void add(long first, long second, long third) {
    long[] counts = mine.get().counts;
    COUNTS.setRelease(counts, FIRST, counts[FIRST] + first);
    COUNTS.setRelease(counts, FIRST + 1, counts[FIRST + 1] + second);
    COUNTS.setRelease(counts, FIRST + 2, counts[FIRST + 2] + third);
  }

  /**
   * {@return a count's sum over every thread, ended or live}
   *
   * @param count which count, from 0
   */
  synchronized double sum(int count) {
    int index = FIRST + count;
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
        for (int index = FIRST; index < FIRST + width; index++) {
          ended[index] += (long) COUNTS.getAcquire(cell.counts, index);
        }
        cells.remove(cell);
      }
    }
  }

  /** {@return how many threads' cells are kept} */
  int cells() {
    return cells.size();
  }

  private Cell newCell() {
    Cell cell = new Cell(Thread.currentThread(), new long[FIRST + width + FIRST]);
    cells.add(cell);
    return cell;
  }

  /** One thread's counts, in the middle of {@code counts}. */
  private record Cell(WeakReference<Thread> owner, long[] counts) {

    Cell(Thread owner, long[] counts) {
      this(new WeakReference<>(owner), counts);
    }
  }
}
