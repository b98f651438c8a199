package dev.chanx.redis;

import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Counts frames the layer had to drop and logs them: the first at once, then at most one
 * line per interval with the count, so an outage cannot flood the log.
 */
final class DropLog {

  private static final Logger LOG = LoggerFactory.getLogger(RedisChannelLayer.class);
  private static final long INTERVAL = TimeUnit.SECONDS.toNanos(5);

  private final AtomicLong total = new AtomicLong();
  private final AtomicLong unreported = new AtomicLong();
  private final AtomicLong nextReport = new AtomicLong(System.nanoTime());

  /** Counts one dropped frame and logs when a line is due. */
  void dropped(String reason) {
    total.incrementAndGet();
    unreported.incrementAndGet();
    long now = System.nanoTime();
    long due = nextReport.get();
    if (now - due >= 0 && nextReport.compareAndSet(due, now + INTERVAL)) {
      LOG.warn("Dropped {} frame(s) for other nodes: {}", unreported.getAndSet(0), reason);
    }
  }

  /** Frames dropped since the layer started. */
  long total() {
    return total.get();
  }
}
