package dev.chanx.server;

import java.security.SecureRandom;
import java.util.concurrent.atomic.AtomicLong;

/** Short connection ids, unique across nodes: a random node prefix and a counter, in base 36. */
final class ConnectionIds {

  private final String node;
  private final String prefix;
  private final AtomicLong counter = new AtomicLong();

  ConnectionIds() {
    SecureRandom random = new SecureRandom();
    long node = 36L * 36 * 36 * 36 * 36 + (random.nextLong() >>> 1) % (35L * 36 * 36 * 36 * 36 * 36);
    this.node = Long.toString(node, 36);
    this.prefix = this.node + ".";
  }

  /** This node's part of every id, such as {@code k3x9qa}; it contains no dot. */
  String node() {
    return node;
  }

  /** The next id, such as {@code k3x9qa.1f}. */
  String next() {
    return prefix + Long.toString(counter.incrementAndGet(), 36);
  }
}
