package dev.chanx.server;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.TextNode;
import dev.chanx.core.codec.FrameWriter;
import dev.chanx.core.message.Message;
import dev.chanx.server.channel.ReplyMatch;
import java.io.IOException;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicLong;

/**
 * The requests one connection's server sent its client and still waits on, each by the {@code ref}
 * it carries or by its correlation id. A client frame that answers one completes it instead of
 * going to the handler; a timeout or the connection's end fails it. Made on a connection's first
 * request: most never send one.
 */
final class ServerRequests {

  private static final ObjectMapper JSON = new ObjectMapper();

  private final String connection;
  private final AtomicLong refs = new AtomicLong();
  // "ref:<ref>" or "id:<pointer>:<value as JSON>" -> the request waiting for it.
  private final Map<String, Pending<?>> waiting = new ConcurrentHashMap<>();
  private volatile boolean closed;

  ServerRequests(String connection) {
    this.connection = connection;
  }

  private record Pending<R>(ReplyMatch<R> match, CompletableFuture<R> future, String what) {

    /** Completes with the message when it is the reply expected; false when it is another kind. */
    boolean offer(Message message) {
      R reply = match.reply().apply(message);
      return reply != null && future.complete(reply);
    }
  }

  /** A request about to be sent: its frame (with a fresh {@code ref} when matched by it) and its future. */
  record Outgoing<R>(JsonNode ref, CompletableFuture<R> future) {}

  /**
   * Registers a request before its frame goes out.
   *
   * @param action the request's name in errors, such as its tag
   * @throws IllegalArgumentException when the request has no correlation id at the match's pointer
   */
  <R> Outgoing<R> register(Message request, String action, ReplyMatch<R> match, Duration timeout) {
    CompletableFuture<R> future = new CompletableFuture<>();
    String key;
    JsonNode ref = null;
    String what;
    if (match.pointer() == null) {
      String value = "s" + refs.incrementAndGet();
      ref = TextNode.valueOf(value);
      key = "ref:" + value;
      what = action + " (ref " + value + ")";
    } else {
      JsonNode id = correlation(request, match.pointer());
      if (id == null) {
        throw new IllegalArgumentException("request " + action + " has no correlation id at " + match.pointer());
      }
      key = "id:" + match.pointer() + ":" + id;
      what = action + " (" + match.pointer().substring(1) + " " + id + ")";
    }
    Pending<R> pending = new Pending<>(match, future, what);
    if (closed) {
      future.completeExceptionally(new IOException("connection " + connection + " is closed"));
      return new Outgoing<>(ref, future);
    }
    if (waiting.putIfAbsent(key, pending) != null) {
      future.completeExceptionally(new IllegalStateException("a request " + what + " is already waiting"));
      return new Outgoing<>(ref, future);
    }
    CompletableFuture.delayedExecutor(timeout.toNanos(), TimeUnit.NANOSECONDS).execute(() -> {
      if (waiting.remove(key, pending)) {
        future.completeExceptionally(new TimeoutException("no reply to request " + what + " from connection "
            + connection + " within " + timeout.toMillis() + " ms"));
      }
    });
    return new Outgoing<>(ref, future);
  }

  /** Forgets a request whose frame could not be sent. */
  void failed(CompletableFuture<?> future, Throwable error) {
    waiting.values().removeIf(p -> p.future() == future);
    future.completeExceptionally(error);
  }

  /**
   * Completes the request a client frame answers; false when it answers none (it then goes to the
   * handler).
   *
   * @param ref the frame's {@code ref}, or null
   */
  boolean answer(JsonNode ref, Message message) {
    if (waiting.isEmpty()) {
      return false;
    }
    if (ref != null) {
      String key = "ref:" + ref.asText();
      Pending<?> pending = waiting.get(key);
      if (pending != null && pending.offer(message)) {
        waiting.remove(key, pending);
        return true;
      }
    }
    for (Map.Entry<String, Pending<?>> entry : waiting.entrySet()) {
      String pointer = entry.getValue().match().pointer();
      if (pointer == null) {
        continue;
      }
      JsonNode id = correlation(message, pointer);
      if (id != null && entry.getKey().equals("id:" + pointer + ":" + id) && entry.getValue().offer(message)) {
        waiting.remove(entry.getKey(), entry.getValue());
        return true;
      }
    }
    return false;
  }

  /**
   * Fails the request a reply that breaks its schema names by {@code ref}: it will not come right;
   * false when the frame names none.
   */
  boolean refuse(JsonNode ref, Object errors) {
    Pending<?> pending = ref == null ? null : waiting.remove("ref:" + ref.asText());
    if (pending == null) {
      return false;
    }
    pending.future().completeExceptionally(new IllegalArgumentException("the reply to request " + pending.what()
        + " from connection " + connection + " is invalid: " + errors));
    return true;
  }

  /** Fails every request still waiting: the connection is gone. */
  void closed() {
    closed = true;
    for (Pending<?> pending : waiting.values()) {
      pending.future().completeExceptionally(new IOException("connection " + connection
          + " closed before the reply to request " + pending.what() + " came"));
    }
    waiting.clear();
  }

  /** The value at {@code pointer} in the message's frame as the document spells it, or null. */
  private static JsonNode correlation(Message message, String pointer) {
    try {
      JsonNode value = JSON.readTree(FrameWriter.write(message).text()).at(pointer);
      return value.isMissingNode() || value.isNull() ? null : value;
    } catch (IOException e) {
      return null;
    }
  }
}
