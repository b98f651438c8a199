package dev.chanx.bench.observe;

import java.util.Random;

/**
 * A footprint of a known size: N cache lines read one after the other, each read's address taken
 * from the one before (as a telemetry's are, from object to field to array), so that the reads
 * cannot overlap; the lines lie 256 bytes apart, so that no prefetcher brings them in together.
 * {@link EmptyTelemetry} walks one per frame with {@code -Dchanx.bench.touch=N}; {@link #main}
 * times the same walk in a loop of its own, where its lines stay in the core's caches.
 *
 * <p>Run: {@code java -cp chanx-bench.jar dev.chanx.bench.observe.LineChain 256}.
 */
final class LineChain {

  // Words 256 bytes apart: one per touched line, with three untouched lines between.
  private static final int STRIDE = 256 / Integer.BYTES;

  // Each touched word holds the index of the next, in one shuffled cycle through all of them.
  private final int[] words;
  private final int lines;
  // Where the walks end, so that the JIT cannot leave them out.
  private volatile int sink;

  LineChain(int lines) {
    this.lines = lines;
    int[] order = new int[Math.max(1, lines)];
    for (int i = 0; i < order.length; i++) {
      order[i] = i;
    }
    Random random = new Random(42);
    for (int i = order.length - 1; i > 0; i--) {
      int j = random.nextInt(i + 1);
      int swap = order[i];
      order[i] = order[j];
      order[j] = swap;
    }
    words = new int[order.length * STRIDE];
    for (int i = 0; i < order.length; i++) {
      words[order[i] * STRIDE] = order[(i + 1) % order.length] * STRIDE;
    }
  }

  /** Reads every line once, in the chain's order. */
  void walk() {
    int at = 0;
    for (int i = 0; i < lines; i++) {
      at = words[at];
    }
    sink = at;
  }

  /**
   * Times walks of a chain in a loop: five rounds of 200,000 walks.
   *
   * @param args the number of lines (default 256)
   */
  public static void main(String[] args) {
    int lines = args.length > 0 ? Integer.parseInt(args[0]) : 256;
    LineChain chain = new LineChain(lines);
    int walks = 200_000;
    for (int round = 1; round <= 5; round++) {
      long start = System.nanoTime();
      for (int i = 0; i < walks; i++) {
        chain.walk();
      }
      double each = (System.nanoTime() - start) / (double) walks;
      System.out.printf("round %d: %d lines, %.0f ns a walk, %.2f ns a line%n", round, lines, each, each / lines);
    }
  }
}
