package dev.chanx.micrometer;

import java.lang.invoke.MethodHandles;
import java.lang.invoke.VarHandle;
import java.util.concurrent.CopyOnWriteArrayList;

/**
 * Frames queued to one channel's sockets and their bytes, counted once per delivery, so a group
 * send to 19 members counts 19 times, on whichever server threads deliver. A shared adder would
 * bounce its cache line between cores on every delivery; here each thread adds to a cell of its
 * own with plain stores, and a scrape sums the cells.
 */
final class SentTally {

  private static final VarHandle FRAMES;
  private static final VarHandle BYTES;

  static {
    try {
      MethodHandles.Lookup lookup = MethodHandles.lookup();
      FRAMES = lookup.findVarHandle(Cell.class, "frames", long.class);
      BYTES = lookup.findVarHandle(Cell.class, "bytes", long.class);
    } catch (ReflectiveOperationException e) {
      throw new ExceptionInInitializerError(e);
    }
  }

  // Every thread's cell, kept after the thread ends, so the totals never go down.
  private final CopyOnWriteArrayList<Cell> cells = new CopyOnWriteArrayList<>();
  // Made on the thread that uses it, so in its own allocation buffer, away from other threads' cells.
  private final ThreadLocal<Cell> mine = ThreadLocal.withInitial(this::newCell);

  /**
   * Counts one frame queued to a socket.
   *
   * @param size the frame's size in bytes
   */
  void add(int size) {
    Cell cell = mine.get();
    // Only this thread writes the cell: a release store suffices, no atomic read-modify-write.
    FRAMES.setRelease(cell, cell.frames + 1);
    BYTES.setRelease(cell, cell.bytes + size);
  }

  /** {@return frames counted so far} */
  double frames() {
    long sum = 0;
    for (Cell cell : cells) {
      sum += (long) FRAMES.getAcquire(cell);
    }
    return sum;
  }

  /** {@return bytes counted so far} */
  double bytes() {
    long sum = 0;
    for (Cell cell : cells) {
      sum += (long) BYTES.getAcquire(cell);
    }
    return sum;
  }

  private Cell newCell() {
    Cell cell = new Cell();
    cells.add(cell);
    return cell;
  }

  /** One thread's counts. */
  private static final class Cell {
    long frames;
    long bytes;
  }
}
