package dev.chanx.client;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
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

  /** A value at a JSON pointer of a reply frame that names a request besides its {@code ref}. */
  record Correlation(String pointer, String value) {}

  private final Map<String, Pending<S>> byRef = new ConcurrentHashMap<>();
  private final Map<Correlation, String> byCorrelation = new ConcurrentHashMap<>();

  /**
   * Registers a request; its future completes with the reply narrowed to what the request
   * expects, fails when another type arrives, and times out after {@code timeout}.
   */
  <R> CompletableFuture<R> add(String ref, Function<? super S, ? extends R> narrow, Duration timeout) {
    return add(ref, null, narrow, timeout);
  }

  /**
   * Registers a request that a reply also answers when it carries {@code correlation} (null:
   * only the {@code ref} does).
   */
  <R> CompletableFuture<R> add(String ref, Correlation correlation, Function<? super S, ? extends R> narrow,
      Duration timeout) {
    if (correlation != null) {
      byCorrelation.put(correlation, ref);
    }
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
    future.orTimeout(timeout.toNanos(), TimeUnit.NANOSECONDS).whenComplete((r, e) -> {
      byRef.remove(ref);
      if (correlation != null) {
        byCorrelation.remove(correlation, ref);
      }
    });
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

  /** The {@code ref} of the waiting request whose correlation value the frame carries, or null. */
  String correlated(ObjectNode frame) {
    for (Map.Entry<Correlation, String> e : byCorrelation.entrySet()) {
      JsonNode value = frame.at(e.getKey().pointer());
      if (!value.isMissingNode() && !value.isNull() && value.toString().equals(e.getKey().value())) {
        return e.getValue();
      }
    }
    return null;
  }

  /** Fails every waiting request: the connection they were sent on is gone. */
  void failAll(Throwable error) {
    for (String ref : byRef.keySet()) {
      fail(ref, error);
    }
  }
}
