package dev.chanx.redis;

import io.lettuce.core.api.StatefulRedisConnection;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Publishes without ever waiting: a message is dropped (and logged) when Redis is unreachable
 * or when too many publishes already wait for Redis's answer, so memory stays bounded.
 */
final class BoundedPublisher {

  private final StatefulRedisConnection<String, byte[]> connection;
  private final int maxPending;
  private final AtomicInteger pending = new AtomicInteger();
  private final DropLog drops;

  BoundedPublisher(StatefulRedisConnection<String, byte[]> connection, int maxPending, DropLog drops) {
    this.connection = connection;
    this.maxPending = maxPending;
    this.drops = drops;
  }

  void publish(String channel, byte[] message) {
    if (!connection.isOpen()) {
      drops.dropped("Redis is unreachable");
      return;
    }
    if (pending.incrementAndGet() > maxPending) {
      pending.decrementAndGet();
      drops.dropped(maxPending + " publishes already wait for Redis");
      return;
    }
    try {
      connection.async().publish(channel, message).whenComplete((receivers, failure) -> {
        pending.decrementAndGet();
        if (failure != null) {
          drops.dropped(failure.toString());
        }
      });
    } catch (RuntimeException e) {
      pending.decrementAndGet();
      drops.dropped(e.toString());
    }
  }

  /** Publishes sent and not yet answered. */
  int pending() {
    return pending.get();
  }
}
