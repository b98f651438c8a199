package dev.chanx.runtime.client;

import java.time.Duration;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;
import java.util.function.Function;

/** The requests waiting for a reply, by the {@code ref} they were sent with. */
final class PendingRequests<S> {

  private record Pending<S>(CompletableFuture<?> future, Consumer<S> reply) {}

  private final Map<String, Pending<S>> byRef = new ConcurrentHashMap<>();

  /**
   * Registers a request; its future completes with the reply narrowed to what the request
   * expects, fails when another type arrives, and times out after {@code timeout}.
   */
  <R> CompletableFuture<R> add(String ref, Function<? super S, ? extends R> narrow, Duration timeout) {
    CompletableFuture<R> future = new CompletableFuture<>();
    byRef.put(ref, new Pending<>(future, message -> {
      R reply = narrow.apply(message);
      if (reply != null) {
        future.complete(reply);
      } else {
        future.completeExceptionally(new IllegalStateException("the reply to ref " + ref + " is " + message
            + ", not what the request expects"));
      }
    }));
    future.orTimeout(timeout.toNanos(), TimeUnit.NANOSECONDS).whenComplete((r, e) -> byRef.remove(ref));
    return future;
  }

  /** Completes the request sent with {@code ref}; false when none waits for it. */
  boolean reply(String ref, S message) {
    Pending<S> pending = ref == null ? null : byRef.remove(ref);
    if (pending == null) {
      return false;
    }
    pending.reply().accept(message);
    return true;
  }

  /** Fails the request sent with {@code ref}; false when none waits for it. */
  boolean fail(String ref, Throwable error) {
    Pending<S> pending = ref == null ? null : byRef.remove(ref);
    if (pending == null) {
      return false;
    }
    pending.future().completeExceptionally(error);
    return true;
  }

  /** Whether a request waits for {@code ref}. */
  boolean waiting(String ref) {
    return ref != null && byRef.containsKey(ref);
  }

  /** Fails every waiting request: the connection they were sent on is gone. */
  void failAll(Throwable error) {
    for (String ref : byRef.keySet()) {
      fail(ref, error);
    }
  }
}
