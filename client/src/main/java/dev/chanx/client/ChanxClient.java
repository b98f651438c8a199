package dev.chanx.client;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.chanx.core.codec.FrameWriter;
import dev.chanx.core.codec.UpgradeHeaders;
import dev.chanx.core.message.BinaryMessage;
import dev.chanx.core.message.Decoded;
import dev.chanx.core.message.Message;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.WebSocket;
import java.nio.ByteBuffer;
import java.util.List;
import java.util.Objects;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.BiConsumer;
import java.util.function.Consumer;
import java.util.function.Function;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A connection to one channel of a Chanx server on the JDK's {@link WebSocket}, typed by what a
 * client sends ({@code C}) and what the server sends ({@code S}). Generated clients wrap one.
 *
 * <p>Each server frame is decoded and validated, then completes the request whose {@code ref} it
 * carries, or else goes to the listener: error frames to {@link ClientListener#onError}, messages
 * to the delivery, anything else to {@link ClientListener#onUnreadable}. When the connection is
 * lost, waiting requests fail and, if the configured {@link Reconnect} policy says so, the client
 * connects again with backoff; the first connect is retried the same way. A server silent for the
 * configured server timeout (no frame, ping or pong, though pinged) is taken for dead: the socket is
 * dropped and reported closed with 1006, then reconnected as any lost connection.
 *
 * <p>On a channel whose group sends are recoverable, the client takes the {@code pos} key off each
 * frame before decoding it, keeps each group's last position and presents them
 * ({@code chanx_recover}) when it connects again, so the server replays what was missed; each
 * group's outcome goes to {@link ClientListener#onRecovery}.
 *
 * <p>Frames are handled one at a time on the client's thread, which also completes the futures
 * of requests: a continuation that blocks should be chained with the {@code ...Async} methods.
 */
public final class ChanxClient<C extends Message, S extends Message> {

  private static final Logger LOG = LoggerFactory.getLogger(ChanxClient.class);
  private static final long CLOSE_WAIT_SECONDS = 5;

  private final URI uri;
  private final ClientSettings settings;
  private final ServerFrameDecoder<S> decoder;
  private final BiConsumer<? super S, Answer<C>> delivery;
  private final ClientListener listener;
  private final PendingRequests<S> pending = new PendingRequests<>();
  private final AtomicLong refs = new AtomicLong();
  private final AtomicInteger failedAttempts = new AtomicInteger();
  private final AtomicReference<Outgoing> current = new AtomicReference<>();
  private final CompletableFuture<Void> closed = new CompletableFuture<>();
  private final CompletableFuture<ChanxClient<C, S>> first = new CompletableFuture<>();
  private final Positions positions = new Positions();
  private volatile boolean closing;
  private final ClientTopics topics;

  private ChanxClient(URI uri, ClientSettings settings, ServerFrameDecoder<S> decoder,
      BiConsumer<? super S, Answer<C>> delivery, ClientListener listener) {
    this.uri = Objects.requireNonNull(uri, "uri");
    this.settings = Objects.requireNonNull(settings, "settings");
    this.decoder = Objects.requireNonNull(decoder, "decoder");
    this.delivery = Objects.requireNonNull(delivery, "delivery");
    this.listener = Objects.requireNonNull(listener, "listener");
    this.topics = new ClientTopics(this::sendFrame, settings.requestTimeout());
  }

  /**
   * The handle of a topic on this connection, made on first use and the same afterwards:
   * generated clients call it from their typed accessors, such as {@code hub.room("lobby")}.
   *
   * @param topic the topic string, such as {@code room:lobby}
   * @param decoder reads what the server sends on the topic
   * @param <TC> what a client may send on the topic
   * @param <TS> what the server may send on the topic
   * @return the topic's handle
   */
  public <TC extends Message, TS extends Message> TopicHandle<TC, TS> topic(String topic,
      ServerFrameDecoder<TS> decoder) {
    return topics.handle(Objects.requireNonNull(topic, "topic"), Objects.requireNonNull(decoder, "decoder"));
  }

  /**
   * Opens a connection, retrying as the reconnect policy says: the future completes once a
   * connection is open, and fails when the policy gives up (at once with {@link Reconnect#never()})
   * or the failure forbids a retry (an upgrade refused with 401 or 403). Cancelling it stops trying.
   *
   * @param uri where the channel is, such as {@code ws://localhost:8000/ws/chat/room1/}
   * @param configure sets the query (added to {@code uri}), headers, reconnect policy and timeouts
   * @param decoder reads a server frame as the channel's message
   * @param delivery receives each message that answers no request
   * @param listener receives the connection's events and error frames
   * @param <C> the type of the messages the client sends
   * @param <S> the type of the messages the server sends
   * @return a future completing with the connected client, or failing when connecting is given up
   */
  public static <C extends Message, S extends Message> CompletableFuture<ChanxClient<C, S>> connect(URI uri,
      Consumer<? super ClientConfig> configure, ServerFrameDecoder<S> decoder, Consumer<? super S> delivery,
      ClientListener listener) {
    Objects.requireNonNull(delivery, "delivery");
    return connect(uri, configure, decoder, (S message, Answer<C> answer) -> delivery.accept(message), listener);
  }

  /**
   * Like {@link #connect(URI, Consumer, ServerFrameDecoder, Consumer, ClientListener)}, and each
   * message comes with a way to answer it: a reply sent through it carries the frame's {@code ref},
   * so that the server matches it to the request the frame was.
   *
   * @param uri where the channel is, such as {@code ws://localhost:8000/ws/chat/room1/}
   * @param configure sets the query (added to {@code uri}), headers, reconnect policy and timeouts
   * @param decoder reads a server frame as the channel's message
   * @param delivery receives each message that answers no request, and its answer
   * @param listener receives the connection's events and error frames
   * @param <C> the type of the messages the client sends
   * @param <S> the type of the messages the server sends
   * @return a future completing with the connected client, or failing when connecting is given up
   */
  public static <C extends Message, S extends Message> CompletableFuture<ChanxClient<C, S>> connect(URI uri,
      Consumer<? super ClientConfig> configure, ServerFrameDecoder<S> decoder,
      BiConsumer<? super S, Answer<C>> delivery, ClientListener listener) {
    ClientSettings settings = ClientConfig.settings(configure);
    ChanxClient<C, S> client = new ChanxClient<>(ClientAddress.withQuery(Objects.requireNonNull(uri, "uri"),
        settings.query()), settings, decoder, delivery, listener);
    client.first.whenComplete((connected, e) -> {
      if (client.first.isCancelled()) {
        client.close(1000, "");
      }
    });
    client.attempt();
    return client.first;
  }

  /**
   * Where the client connects.
   *
   * @return the channel's URI
   */
  public URI uri() {
    return uri;
  }

  /**
   * Whether a connection is open now.
   *
   * @return true if a connection is currently open
   */
  public boolean isOpen() {
    Outgoing outgoing = current.get();
    return outgoing != null && outgoing.isOpen();
  }

  /**
   * Completes when the client is closed for good: closed by {@link #close}, or lost and not reconnected.
   *
   * @return a new future completing once the client is closed for good
   */
  public CompletableFuture<Void> closed() {
    return closed.copy();
  }

  /**
   * Sends a message; completes when the frame has been handed to the socket.
   *
   * @param message the message to send, without a {@code ref}
   * @return a future completing once the frame is sent, or failing if not connected or the send fails
   */
  public CompletableFuture<Void> send(C message) {
    if (Objects.requireNonNull(message, "message") instanceof BinaryMessage binary) {
      Outgoing outgoing = current.get();
      if (outgoing == null || closing) {
        return CompletableFuture.failedFuture(new IllegalStateException("not connected to " + uri));
      }
      return outgoing.binary(binary.data());
    }
    return sendFrame(FrameWriter.text(message, null));
  }

  /**
   * Sends a message with a fresh {@code ref} and completes with the server's reply to it, narrowed
   * by {@code reply} (null: not the reply expected). Fails with {@link ErrorFrameException} when
   * the server answers with an error frame, and when no reply comes within the request timeout or
   * before the connection closes.
   *
   * @param message the message to send; a fresh {@code ref} is added to it
   * @param reply narrows the server's reply to the type expected, or returns null if it is not that reply
   * @param <R> the type of the reply expected
   * @return a future completing with the narrowed reply, or failing as described above
   */
  public <R> CompletableFuture<R> request(C message, Function<? super S, ? extends R> reply) {
    return request(message, reply, null, null);
  }

  /**
   * Like {@link #request(Message, Function)}, and the reply is also recognised without its
   * {@code ref}: by carrying, at {@code replyPointer}, the value the request frame has at
   * {@code requestPointer} (the message's {@code correlationId}, such as {@code /reqid}). Either
   * pointer null, or no value at it in the request: only the {@code ref} matches.
   *
   * @param message the message to send; a fresh {@code ref} is added to it
   * @param reply narrows the server's reply to the type expected, or returns null if it is not that reply
   * @param requestPointer the JSON pointer of the correlation value in the request frame, or null
   * @param replyPointer the JSON pointer of the correlation value in a reply frame, or null
   * @param <R> the type of the reply expected
   * @return a future completing with the narrowed reply, or failing as {@link #request(Message, Function)} does
   */
  public <R> CompletableFuture<R> request(C message, Function<? super S, ? extends R> reply, String requestPointer,
      String replyPointer) {
    Objects.requireNonNull(message, "message");
    Objects.requireNonNull(reply, "reply");
    String ref = Long.toString(refs.incrementAndGet());
    String frame = FrameWriter.text(message, ref);
    PendingRequests.Correlation correlation = null;
    if (requestPointer != null && replyPointer != null) {
      ObjectNode sent = Frames.read(frame);
      JsonNode value = sent == null ? null : sent.at(requestPointer);
      if (value != null && !value.isMissingNode() && !value.isNull()) {
        correlation = new PendingRequests.Correlation(replyPointer, value.toString());
      }
    }
    CompletableFuture<R> future = pending.add(ref, correlation, reply, settings.requestTimeout());
    sendFrame(frame).whenComplete((sent, e) -> {
      if (e != null) {
        pending.fail(ref, unwrap(e));
      }
    });
    return future;
  }

  /**
   * Closes the connection with a status code and reason and stops reconnecting; completes once
   * the server has answered the close (or after five seconds without an answer).
   *
   * @param statusCode 1000 for a normal closure, or a registered (3000-3999) or application
   *     (4000-4999) code
   * @param reason the reason sent with the close frame; null is sent as empty
   * @return a future completing once the client is closed for good
   * @throws IllegalArgumentException if {@code statusCode} is neither 1000 nor within 3000-4999
   */
  public CompletableFuture<Void> close(int statusCode, String reason) {
    if (statusCode != 1000 && (statusCode < 3000 || statusCode > 4999)) {
      throw new IllegalArgumentException("a client closes with 1000 or 3000-4999, not " + statusCode);
    }
    closing = true;
    Outgoing outgoing = current.get();
    if (outgoing == null) {
      closed.complete(null);
      return closed();
    }
    outgoing.close(statusCode, reason == null ? "" : reason).whenComplete((sent, e) -> {
      if (e != null) {
        abort(outgoing, "the close frame could not be sent");
      }
    });
    CompletableFuture.delayedExecutor(CLOSE_WAIT_SECONDS, TimeUnit.SECONDS)
        .execute(() -> abort(outgoing, "the server did not answer the close"));
    return closed();
  }

  // Called by the socket listener, one event at a time per socket.

  void opened(WebSocket socket, Watchdog watchdog) {
    if (closing) {
      // Closed while this connection was being made again.
      socket.sendClose(1000, "").whenComplete((ws, e) -> socket.abort());
      return;
    }
    Outgoing outgoing = new Outgoing(socket);
    current.set(outgoing);
    failedAttempts.set(0);
    watchdog.start(socket, () -> abort(outgoing, "the server sent nothing for " + settings.serverTimeout().toMillis()
        + " ms"));
    notify(listener::onOpen);
    first.complete(this);
    // After a reconnect: every subscription again, in one batch of frames.
    topics.resubscribe();
  }

  void received(String text) {
    JsonNode parsed = Frames.parse(text);
    if (!(parsed instanceof ObjectNode frame)) {
      // A frame that is one JSON value is a message when the channel has such messages.
      Decoded<S> value = parsed == null || parsed.isNull() ? null : decoder.decode(parsed);
      if (value != null && value.isValid()) {
        notify(() -> delivery.accept(value.value(), answer(null)));
      } else {
        notify(() -> listener.onUnreadable(text, List.of(Frames.notAnObject())));
      }
      return;
    }
    positions.take(frame);
    if (frame.path("action").asText().equals("recovery") && frame.path("payload").isObject()) {
      for (Recovery recovery : positions.recovery(frame.get("payload"))) {
        notify(() -> listener.onRecovery(recovery));
      }
      return;
    }
    String taken = Frames.takeRef(frame);
    JsonNode topic = frame.get("topic");
    if (topic != null && !topic.isNull()) {
      notify(() -> topics.received(frame, taken, listener, text));
      return;
    }
    String correlated = pending.waiting(taken) ? null : pending.correlated(frame);
    String ref = correlated != null ? correlated : taken;
    ErrorFrame error = Frames.error(frame);
    if (error != null) {
      if (!pending.fail(ref, new ErrorFrameException(error))) {
        notify(() -> listener.onError(error));
      }
      return;
    }
    Decoded<S> decoded = decoder.decode(frame);
    if (!decoded.isValid()) {
      if (!pending.fail(ref, new IllegalStateException("the reply to ref " + ref + " is unreadable: "
          + decoded.errors()))) {
        notify(() -> listener.onUnreadable(text, decoded.errors()));
      }
      return;
    }
    S message = decoded.value();
    if (!pending.reply(ref, message)) {
      notify(() -> delivery.accept(message, answer(taken)));
    }
  }

  void received(ByteBuffer data) {
    S message = decoder.decodeBinary(data);
    if (message == null) {
      notify(() -> listener.onUnreadable("(a binary frame of " + data.remaining() + " bytes)",
          List.of(Frames.unexpectedBinary())));
      return;
    }
    notify(() -> delivery.accept(message, answer(null)));
  }

  /** Sends a reply to a frame of the server's, with the frame's {@code ref} when it had one. */
  private Answer<C> answer(String ref) {
    // Binary data carries no ref: it goes as any send does.
    return reply -> ref == null || reply instanceof BinaryMessage ? send(reply)
        : sendFrame(FrameWriter.text(Objects.requireNonNull(reply, "reply"), ref));
  }

  void disconnected(WebSocket socket, int statusCode, String reason, Throwable error) {
    Outgoing outgoing = current.get();
    if (outgoing == null || outgoing.socket() != socket || !current.compareAndSet(outgoing, null)) {
      return;
    }
    pending.failAll(new IOException("the connection closed (" + statusCode + ") before the reply came"));
    topics.closed(statusCode);
    if (error != null) {
      notify(() -> listener.onFailure(error));
    }
    notify(() -> listener.onClose(statusCode, reason));
    retry(statusCode, new IOException("the connection closed (" + statusCode + ")"));
  }

  /** One attempt to open a connection; a failure is retried as the policy says. */
  private void attempt() {
    if (closing) {
      giveUp(new IOException("closed before a connection to " + uri + " was open"));
      return;
    }
    HttpClient http = settings.httpClient() != null ? settings.httpClient() : SharedHttpClient.INSTANCE;
    WebSocket.Builder builder = http.newWebSocketBuilder().connectTimeout(settings.connectTimeout())
        .header(UpgradeHeaders.CLIENT_SPEAKS_FIRST, "1");
    settings.headers().forEach((name, values) -> values.forEach(value -> builder.header(name, value)));
    builder.buildAsync(positions.present(uri), new SocketListener(this, new Watchdog(settings.serverTimeout()))).whenComplete((socket, e) -> {
      if (e != null) {
        Throwable failure = unwrap(e);
        notify(() -> listener.onFailure(failure));
        retry(Refusal.closeCode(failure), failure);
      }
    });
  }

  /** After a lost connection or a failed attempt: the next attempt after a backoff, or the end. */
  private void retry(int statusCode, Throwable cause) {
    Reconnect policy = settings.reconnect();
    int attempt = failedAttempts.incrementAndGet();
    if (closing || !policy.after(statusCode) || attempt > policy.maxAttempts()) {
      giveUp(cause);
      return;
    }
    long delay = policy.delay(attempt, statusCode, ThreadLocalRandom.current()).toNanos();
    CompletableFuture.delayedExecutor(delay, TimeUnit.NANOSECONDS).execute(this::attempt);
  }

  private void giveUp(Throwable cause) {
    first.completeExceptionally(cause);
    closed.complete(null);
  }

  private CompletableFuture<Void> sendFrame(String frame) {
    Outgoing outgoing = current.get();
    if (outgoing == null || closing) {
      return CompletableFuture.failedFuture(new IllegalStateException("not connected to " + uri));
    }
    return outgoing.text(frame);
  }

  private void abort(Outgoing outgoing, String why) {
    if (current.get() == outgoing) {
      outgoing.socket().abort();
      disconnected(outgoing.socket(), 1006, why, null);
    }
  }

  private void notify(Runnable callback) {
    try {
      callback.run();
    } catch (RuntimeException e) {
      LOG.warn("A client listener of {} failed", uri, e);
    }
  }

  private static Throwable unwrap(Throwable e) {
    return e instanceof CompletionException && e.getCause() != null ? e.getCause() : e;
  }

  /** One HTTP client for every client that brings none: its threads are daemons, made on first use. */
  private static final class SharedHttpClient {
    static final HttpClient INSTANCE = HttpClient.newHttpClient();
  }
}
