package dev.chanx.micrometer;

import java.lang.invoke.MethodHandles;
import java.lang.invoke.VarHandle;

/**
 * Frames queued to one channel's sockets and their bytes, counted once per delivery, so a group
 * send to 19 members counts 19 times, on whichever server threads deliver.
 *
 * <p>A shared adder would bounce its cache line between cores on every delivery, and a
 * thread-local cell costs a walk through the thread's map that a profile of the fan-out load
 * charged 0.8 % of the server's CPU. Here a thread counts in one of a fixed set of slots, chosen by
 * its id, each on a cache line of its own. The first thread to count in a slot owns it, and only
 * its owner writes it: a plain add, with no locked instruction. An atomic add was measurably dearer
 * on the fan-out load (0.9 % of the server's CPU per delivery, BENCHMARKS.md), likely because on
 * x86 it is also a full fence, waiting for the socket writes made just before it. A thread whose
 * slot another thread owns counts atomically in the same slot of a second set, which threads
 * share. A scrape sums both sets, and frees the slots of threads that ended (a server's pool
 * replaces idle threads), keeping their counts, so that their slots serve new threads; until
 * then, or with no scrape at all, a new thread whose slot an ended one holds counts in the shared
 * set, as every thread did before slots had owners.
 */
final class SentTally {

  private static final VarHandle COUNTS = MethodHandles.arrayElementVarHandle(long[].class);
  private static final VarHandle OWNERS = MethodHandles.arrayElementVarHandle(Thread[].class);
  // More slots than a server has busy threads, so few share one; a power of two, to mask an id.
  private static final int SLOTS = 64;
  // 16 longs (128 bytes) per slot, its two counts in the middle: no two slots' counts, nor the
  // array's header, share a line.
  private static final int STRIDE = 16;
  private static final int FRAMES = 8;
  private static final int BYTES = 9;

  private final long[] counts = new long[SLOTS * STRIDE];
  private final Thread[] owners = new Thread[SLOTS];
  // Counts of threads whose slot another thread owned, laid out as counts; added atomically.
  private final long[] shared = new long[SLOTS * STRIDE];
  // Counts of the slots freed when their threads ended; guarded by this.
  private long retiredFrames;
  private long retiredBytes;

  /**
   * Counts one frame queued to a socket.
   *
   * @param size the frame's size in bytes
   */
  @SuppressWarnings("deprecation") // Thread.threadId() is Java 19; getId() is the same number.
  void add(int size) {
    Thread me = Thread.currentThread();
    int slot = (int) me.getId() & (SLOTS - 1);
    int at = slot * STRIDE;
    Thread owner = (Thread) OWNERS.getOpaque(owners, slot);
    if (owner == me || owner == null && OWNERS.compareAndSet(owners, slot, (Thread) null, me)) {
      // Written by its owner only: read, add and write back; opaque, so a scrape reads whole values.
      COUNTS.setOpaque(counts, at + FRAMES, (long) COUNTS.getOpaque(counts, at + FRAMES) + 1L);
      COUNTS.setOpaque(counts, at + BYTES, (long) COUNTS.getOpaque(counts, at + BYTES) + (long) size);
    } else {
      COUNTS.getAndAdd(shared, at + FRAMES, 1L);
      COUNTS.getAndAdd(shared, at + BYTES, (long) size);
    }
  }

  /** {@return frames counted so far} */
  double frames() {
    return sum(FRAMES);
  }

  /** {@return bytes counted so far} */
  double bytes() {
    return sum(BYTES);
  }

  /** {@return how many slots threads own now: those alive, and those ended since the last sum} */
  int owned() {
    int owned = 0;
    for (int slot = 0; slot < SLOTS; slot++) {
      if ((Thread) OWNERS.getVolatile(owners, slot) != null) {
        owned++;
      }
    }
    return owned;
  }

  // Under the lock, so that freeing a slot (its counts moved to the retired ones) and a sum never
  // interleave: each slot only grows until freed, so a later sum is never smaller than an earlier one.
  private synchronized long sum(int index) {
    free();
    long sum = index == FRAMES ? retiredFrames : retiredBytes;
    for (int at = index; at < SLOTS * STRIDE; at += STRIDE) {
      sum += (long) COUNTS.getVolatile(counts, at) + (long) COUNTS.getVolatile(shared, at);
    }
    return sum;
  }

  // Frees the slots of ended threads. A thread seen ended has made its last add, and its writes
  // are visible here (a thread's end happens-before another thread sees it ended); its slot is
  // emptied before it is released, so whoever claims it next starts from zero.
  private void free() {
    for (int slot = 0; slot < SLOTS; slot++) {
      Thread owner = (Thread) OWNERS.getVolatile(owners, slot);
      if (owner != null && !owner.isAlive()) {
        int at = slot * STRIDE;
        retiredFrames += (long) COUNTS.getVolatile(counts, at + FRAMES);
        retiredBytes += (long) COUNTS.getVolatile(counts, at + BYTES);
        COUNTS.setVolatile(counts, at + FRAMES, 0L);
        COUNTS.setVolatile(counts, at + BYTES, 0L);
        OWNERS.setVolatile(owners, slot, (Thread) null);
      }
    }
  }
}
