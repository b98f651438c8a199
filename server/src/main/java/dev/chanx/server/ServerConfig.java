package dev.chanx.server;

import dev.chanx.core.message.Message;
import dev.chanx.server.channel.ChannelHandler;
import dev.chanx.server.channel.ChannelRoute;
import dev.chanx.server.docs.AsyncApiDocument;
import dev.chanx.server.layer.ChannelLayer;
import dev.chanx.server.layer.InMemoryChannelLayer;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.function.Consumer;

/**
 * What a server hosts and how, set inside {@link ChanxServer#create}:
 *
 * <pre>{@code
 * ChanxServer server = ChanxServer.create(config -> {
 *   config.port(8000);
 *   config.channel(ChatRoute.create(), new ChatRoom());
 *   config.staticResources("/chat/", "public/chat");
 * }).start();
 * }</pre>
 *
 * <p>Each setter checks its value at once, naming it; a second channel at the same address, or
 * static resources twice under one prefix, are refused at registration. Once the lambda returns
 * the configuration is closed: the server keeps what it holds, and later calls fail.
 */
public final class ServerConfig {

  // Read by ChanxServer once the configuration is closed.
  final ChannelRegistry channels = new ChannelRegistry();
  final List<StaticMount> mounts = new ArrayList<>();
  String host = "0.0.0.0";
  int port = 8000;
  boolean compression;
  boolean nonBlockingHandlers;
  Duration stopTimeout = Duration.ofSeconds(5);
  Duration idleTimeout = Duration.ofMinutes(5);
  Duration keepalive = Keepalive.DEFAULT;
  Limits limits = Limits.DEFAULTS;
  ChannelSettings defaults = ChannelSettings.DEFAULTS;
  OriginCheck origins = OriginCheck.SAME_HOST;
  AsyncApiDocument asyncApi;
  ChannelLayer layer = new InMemoryChannelLayer();
  boolean stopOnSignal;
  private boolean closed;

  ServerConfig() {}

  /**
   * The interface to bind to, such as {@code 127.0.0.1} for this machine only; default {@code 0.0.0.0}.
   *
   * @param host the interface's address
   * @return this configuration
   */
  public ServerConfig host(String host) {
    checkOpen();
    this.host = Objects.requireNonNull(host, "host");
    return this;
  }

  /**
   * The port to listen on; 0 picks a free one; default 8000.
   *
   * @param port the port, or 0 for a free one
   * @return this configuration
   */
  public ServerConfig port(int port) {
    checkOpen();
    if (port < 0 || port > 65535) {
      throw new IllegalArgumentException("not a valid port: " + port);
    }
    this.port = port;
    return this;
  }

  /**
   * Hosts a channel: its generated route and the handler that implements it.
   *
   * @param <H> the handler type
   * @param <C> the type of messages clients send
   * @param <S> the type of messages the server sends on the channel
   * @param <P> the channel's typed path parameters
   * @param route the generated route of the channel
   * @param handler the handler that implements the channel
   * @return this configuration
   */
  public <H extends ChannelHandler<S, P>, C extends Message, S extends Message, P> ServerConfig channel(
      ChannelRoute<H, C, S, P> route, H handler) {
    checkOpen();
    channels.add(new HostedChannel<>(Objects.requireNonNull(route, "route"), Objects.requireNonNull(handler, "handler")));
    return this;
  }

  /**
   * Hosts a channel with settings of its own, such as
   * {@code chat -> chat.authorize((user, path) -> ...).completionFrames(true)}; the rest follows the server.
   *
   * @param <H> the handler type
   * @param <C> the type of messages clients send
   * @param <S> the type of messages the server sends on the channel
   * @param <P> the channel's typed path parameters
   * @param route the generated route of the channel
   * @param handler the handler that implements the channel
   * @param configure sets the channel's own settings
   * @return this configuration
   */
  public <H extends ChannelHandler<S, P>, C extends Message, S extends Message, P> ServerConfig channel(
      ChannelRoute<H, C, S, P> route, H handler, Consumer<ChannelConfig<P>> configure) {
    checkOpen();
    ChannelConfig<P> config = new ChannelConfig<>();
    Objects.requireNonNull(configure, "configure").accept(config);
    config.close();
    channels.add(new HostedChannel<>(Objects.requireNonNull(route, "route"), Objects.requireNonNull(handler, "handler"),
        config));
    return this;
  }

  /**
   * Authenticates every client before it reaches a handler; a refusal is the upgrade's HTTP
   * status (401, 403), or an {@code authentication} frame with {@link #authenticationFrames}.
   * Default: none, everyone connects.
   *
   * @param authenticator the authenticator of every channel that has none of its own
   * @return this configuration
   */
  public ServerConfig authenticate(Authenticator authenticator) {
    checkOpen();
    defaults = defaults.withAuthenticator(Objects.requireNonNull(authenticator, "authenticator"));
    return this;
  }

  /**
   * Chanx's way of authenticating: accept the socket, send {@code authentication} (status 200,
   * or 401/403 then close with 1008), instead of refusing the upgrade; default off.
   *
   * @param enabled true to turn it on
   * @return this configuration
   */
  public ServerConfig authenticationFrames(boolean enabled) {
    checkOpen();
    defaults = defaults.withAuthenticationFrames(enabled);
    return this;
  }

  /**
   * Lets pages from these origins ({@code https://app.example.com}) open sockets, besides pages of
   * this server's own host; other browser pages get 403. Clients sending no {@code Origin} always pass.
   *
   * @param origins the allowed origins, such as {@code https://app.example.com}
   * @return this configuration
   */
  public ServerConfig allowedOrigins(String... origins) {
    checkOpen();
    this.origins = this.origins.allow(origins);
    return this;
  }

  /**
   * Lets pages from any origin open sockets (no protection against cross-site WebSocket hijacking).
   *
   * @return this configuration
   */
  public ServerConfig allowAnyOrigin() {
    checkOpen();
    this.origins = this.origins.allowAny();
    return this;
  }

  /**
   * Whether to send {@code complete}, {@code group_complete} and {@code event_complete} frames; default off.
   *
   * @param enabled true to turn it on
   * @return this configuration
   */
  public ServerConfig completionFrames(boolean enabled) {
    checkOpen();
    defaults = defaults.withCompletionFrames(enabled);
    return this;
  }

  /**
   * Whether clients write and read camelCase keys (converted from and to the document's snake_case); default off.
   *
   * @param enabled true to turn it on
   * @return this configuration
   */
  public ServerConfig camelCase(boolean enabled) {
    checkOpen();
    defaults = defaults.withCamelCase(enabled);
    return this;
  }

  /**
   * Whether to log the text of every frame in and out (INFO, logger {@code dev.chanx.server.frames}); default off.
   *
   * @param enabled true to turn it on
   * @return this configuration
   */
  public ServerConfig logFrameContents(boolean enabled) {
    checkOpen();
    defaults = defaults.withLogContents(enabled);
    return this;
  }

  /**
   * Serves a classpath folder under a URL prefix, such as {@code ("/chat/", "public/chat")}.
   *
   * @param urlPrefix the URL prefix, such as {@code /chat/}
   * @param classpathFolder the classpath folder, such as {@code public/chat}
   * @return this configuration
   */
  public ServerConfig staticResources(String urlPrefix, String classpathFolder) {
    checkOpen();
    StaticMount mount = StaticMount.of(urlPrefix, classpathFolder);
    for (StaticMount other : mounts) {
      if (other.contextPath().equals(mount.contextPath())) {
        throw new IllegalArgumentException("static resources are already served at " + urlPrefix);
      }
    }
    mounts.add(mount);
    return this;
  }

  /**
   * Serves an AsyncAPI document (a classpath resource) at {@code /asyncapi/schema/} and {@code /asyncapi/docs/}.
   *
   * @param classpathResource the classpath resource holding the document
   * @return this configuration
   */
  public ServerConfig asyncApi(String classpathResource) {
    return asyncApi(AsyncApiDocument.fromClasspath(classpathResource));
  }

  /**
   * Serves an AsyncAPI document (a file) at {@code /asyncapi/schema/} and {@code /asyncapi/docs/}.
   *
   * @param file the file holding the document
   * @return this configuration
   */
  public ServerConfig asyncApi(Path file) {
    return asyncApi(AsyncApiDocument.fromFile(file));
  }

  /**
   * Serves an AsyncAPI document at {@code /asyncapi/schema/} and {@code /asyncapi/docs/}.
   *
   * @param document the document to serve
   * @return this configuration
   */
  public ServerConfig asyncApi(AsyncApiDocument document) {
    checkOpen();
    this.asyncApi = Objects.requireNonNull(document, "document");
    return this;
  }

  /**
   * The channel layer that carries group sends and pushes; default in-memory (one node).
   *
   * @param layer the channel layer to use
   * @return this configuration
   */
  public ServerConfig layer(ChannelLayer layer) {
    checkOpen();
    this.layer = Objects.requireNonNull(layer, "layer");
    return this;
  }

  /**
   * Whether to accept {@code permessage-deflate} when a client offers it; default off, since
   * deflating every small frame costs far more than sending it. When on, every frame of that
   * socket is compressed (Jetty 12 offers no per-frame choice), and {@link #maxFrameSize}
   * applies to the inflated message.
   *
   * @param enabled true to turn it on
   * @return this configuration
   */
  public ServerConfig compression(boolean enabled) {
    checkOpen();
    this.compression = enabled;
    return this;
  }

  /**
   * Promises that no handler of this server blocks. By default (false) each readable socket is
   * handed to a pool thread, so a handler that waits (on a database, a lock, a sleep) holds up only
   * its own socket. With true, a socket's frames are handled on the I/O thread that read them, as
   * Node's event loop does: no thread hand-off and wake-up per message, which on the fan-out
   * benchmark is about a quarter of the server's CPU per delivery, and the server runs one I/O
   * thread per core; but a handler that blocks then holds up every socket of its I/O thread, so hand slow work to an executor of your own and
   * reply later with {@code connection.send}. Frames of one socket are handled one at a time, in
   * order, either way. With {@link #compression} on, Jetty's WebSocket implementation carries the
   * sockets and always hands them to pool threads.
   *
   * @param promise true if no handler blocks
   * @return this configuration
   */
  public ServerConfig nonBlockingHandlers(boolean promise) {
    checkOpen();
    this.nonBlockingHandlers = promise;
    return this;
  }

  /**
   * The largest text message a client may send, in bytes, after decompression; over it the socket closes with 1009; default 64 KiB.
   *
   * @param bytes the limit in bytes
   * @return this configuration
   */
  public ServerConfig maxFrameSize(int bytes) {
    checkOpen();
    limits = limits.withMaxFrameSize(bytes);
    return this;
  }

  /**
   * The largest binary message a client may send, in bytes, after decompression (binary frames
   * carry the messages a document gives a binary content type, such as audio); over it the socket
   * closes with 1009, as for text; default 64 KiB.
   *
   * @param bytes the limit in bytes
   * @return this configuration
   */
  public ServerConfig maxBinaryFrameSize(int bytes) {
    checkOpen();
    limits = limits.withMaxBinaryFrameSize(bytes);
    return this;
  }

  /**
   * The deepest nesting of objects and arrays in a client frame (at most 1000); deeper gets a json_invalid error; default 32.
   *
   * @param depth the nesting limit
   * @return this configuration
   */
  public ServerConfig maxJsonDepth(int depth) {
    checkOpen();
    limits = limits.withMaxJsonDepth(depth);
    return this;
  }

  /**
   * The longest string or key in a client frame, in characters; longer gets a json_invalid error; default 65,536.
   *
   * @param chars the limit in characters
   * @return this configuration
   */
  public ServerConfig maxStringLength(int chars) {
    checkOpen();
    limits = limits.withMaxStringLength(chars);
    return this;
  }

  /**
   * The longest number in a client frame, in digits; longer gets a json_invalid error; default 100.
   *
   * @param chars the limit in characters
   * @return this configuration
   */
  public ServerConfig maxNumberLength(int chars) {
    checkOpen();
    limits = limits.withMaxNumberLength(chars);
    return this;
  }

  /**
   * The most open sockets; a further upgrade gets HTTP 503 with Retry-After (1013 if it raced past); default 10,000.
   *
   * @param sockets the limit of open sockets
   * @return this configuration
   */
  public ServerConfig maxConnections(int sockets) {
    checkOpen();
    limits = limits.withMaxConnections(sockets);
    return this;
  }

  /**
   * The most frames waiting to be written to one socket; a client that lets more pile up is closed with 1008; default 1024.
   *
   * @param frames the limit in frames
   * @return this configuration
   */
  public ServerConfig maxQueuedFrames(int frames) {
    checkOpen();
    limits = limits.withMaxQueuedFrames(frames);
    return this;
  }

  /**
   * The most bytes waiting to be written to one socket (one frame always fits); beyond it the socket is closed with 1008; default 1 MiB.
   *
   * @param bytes the limit in bytes
   * @return this configuration
   */
  public ServerConfig maxQueuedBytes(long bytes) {
    checkOpen();
    limits = limits.withMaxQueuedBytes(bytes);
    return this;
  }

  /**
   * Stops this server gracefully (as {@link ChanxServer#stop()}) when the JVM exits, such as on SIGTERM or Ctrl-C.
   *
   * @return this configuration
   */
  public ServerConfig stopOnSignal() {
    checkOpen();
    this.stopOnSignal = true;
    return this;
  }

  /**
   * How long a socket may stay silent (no frame either way) before it is closed; default 5 minutes.
   * Keepalive pings and pongs are frames, so with {@link #keepalive} on (and shorter) no socket is
   * idle: the keepalive closes dead peers instead.
   *
   * @param timeout the time allowed
   * @return this configuration
   */
  public ServerConfig idleTimeout(Duration timeout) {
    checkOpen();
    if (timeout.isNegative() || timeout.isZero()) {
      throw new IllegalArgumentException("an idle timeout must be positive: " + timeout);
    }
    this.idleTimeout = timeout;
    return this;
  }

  /**
   * How often to ping every socket; a socket whose pong has not come by the next ping is closed
   * with 1011, so a peer gone without a word is closed within two intervals. Keep it below the
   * idle cut of any proxy in between (often 60 s). Default 25 seconds; {@code Duration.ZERO}
   * turns pings off.
   *
   * @param interval the time between pings, at least 10 ms, or zero for none
   * @return this configuration
   * @throws IllegalArgumentException if {@code interval} is negative or under 10 ms but not zero
   */
  public ServerConfig keepalive(Duration interval) {
    checkOpen();
    this.keepalive = Keepalive.check(interval);
    return this;
  }

  /**
   * How long {@link ChanxServer#stop()} lets handlers in flight finish before closing sockets; default 5 seconds.
   *
   * @param timeout the time allowed
   * @return this configuration
   */
  public ServerConfig stopTimeout(Duration timeout) {
    checkOpen();
    if (Objects.requireNonNull(timeout, "timeout").isNegative()) {
      throw new IllegalArgumentException("a stop timeout must not be negative: " + timeout);
    }
    this.stopTimeout = timeout;
    return this;
  }

  /** Ends configuring: the server has taken what this holds. */
  void close() {
    closed = true;
  }

  private void checkOpen() {
    if (closed) {
      throw new IllegalStateException(
          "the server is configured: configure it inside ChanxServer.create(config -> ...)");
    }
  }
}
