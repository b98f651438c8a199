package dev.chanx.server;

import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Waits for a join to be in effect on every node before the member is told anything more: a
 * client that has seen {@code subscribed}, or the answer to the frame that joined it, gets what
 * any node sends to the group from then on. Bounded, so that a layer that cannot confirm (its
 * store unreachable) slows a join down, never stops it.
 */
final class JoinWait {

  private static final Logger LOG = LoggerFactory.getLogger(JoinWait.class);

  /** The longest a join waits for the layer's confirmation. */
  static final Duration LIMIT = Duration.ofSeconds(2);

  private JoinWait() {}

  /** Returns once {@code joined} completes or {@link #LIMIT} has passed. */
  static void await(CompletableFuture<Void> joined, String key, String connectionId) {
    if (joined.isDone()) {
      return;
    }
    try {
      joined.get(LIMIT.toMillis(), TimeUnit.MILLISECONDS);
    } catch (TimeoutException e) {
      LOG.warn("The channel layer did not confirm within {} ms that connection {} joined {}; frames other nodes "
          + "send to it meanwhile may not reach the connection", LIMIT.toMillis(), connectionId, key);
    } catch (ExecutionException e) {
      LOG.warn("The channel layer failed to confirm that connection {} joined {}: {}", connectionId, key,
          e.getCause().toString());
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }
}
