package dev.chanx.micrometer;

import java.lang.invoke.MethodHandles;
import java.lang.invoke.VarHandle;

/**
 * Frames queued to one channel's sockets and their bytes, counted once per delivery, so a group
 * send to 19 members counts 19 times, on whichever server threads deliver. A shared adder would
 * bounce its cache line between cores on every delivery, and a thread-local cell costs a walk
 * through the thread's map (its table, the entry, the cell) that a profile of the fan-out load
 * charged 0.8 % of the server's CPU. Here a thread adds to one of a fixed set of slots, chosen by
 * its id, each on a cache line of its own: a delivery touches that one line, and a send to a room
 * finds it warm after the first member. Adds are atomic, so two threads that share a slot stay
 * exact; a scrape sums the slots.
 */
final class SentTally {

  private static final VarHandle COUNTS = MethodHandles.arrayElementVarHandle(long[].class);
  // More slots than a server has busy threads, so few share one; a power of two, to mask an id.
  private static final int SLOTS = 64;
  // 16 longs (128 bytes) per slot, its two counts in the middle: no two slots' counts, nor the
  // array's header, share a line.
  private static final int STRIDE = 16;
  private static final int FRAMES = 8;
  private static final int BYTES = 9;

  private final long[] counts = new long[SLOTS * STRIDE];

  /**
   * Counts one frame queued to a socket.
   *
   * @param size the frame's size in bytes
   */
  @SuppressWarnings("deprecation") // Thread.threadId() is Java 19; getId() is the same number.
  void add(int size) {
    int slot = ((int) Thread.currentThread().getId() & (SLOTS - 1)) * STRIDE;
    COUNTS.getAndAdd(counts, slot + FRAMES, 1L);
    COUNTS.getAndAdd(counts, slot + BYTES, (long) size);
  }

  /** {@return frames counted so far} */
  double frames() {
    return sum(FRAMES);
  }

  /** {@return bytes counted so far} */
  double bytes() {
    return sum(BYTES);
  }

  // Each slot only grows, so a later sum is never smaller than an earlier one.
  private long sum(int index) {
    long sum = 0;
    for (int slot = 0; slot < SLOTS * STRIDE; slot += STRIDE) {
      sum += (long) COUNTS.getVolatile(counts, slot + index);
    }
    return sum;
  }
}
