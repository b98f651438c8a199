package dev.chanx.testkit;

import dev.chanx.client.ServerFrameDecoder;
import dev.chanx.core.message.Message;
import dev.chanx.server.ChanxServer;
import java.net.URI;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Objects;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Supplier;
import org.junit.jupiter.api.extension.AfterAllCallback;
import org.junit.jupiter.api.extension.AfterEachCallback;
import org.junit.jupiter.api.extension.BeforeAllCallback;
import org.junit.jupiter.api.extension.BeforeEachCallback;
import org.junit.jupiter.api.extension.ExtensionContext;

/**
 * Starts a server on a free port for a test class (a {@code static} field) or for each test (an
 * instance field), and stops it afterwards; clients opened through it are closed after each test.
 *
 * <pre>{@code
 * @RegisterExtension
 * static ChanxServerExtension server = ChanxServerExtension.of(() -> ChatServer.create(0));
 *
 * @Test
 * void pingIsAnswered() {
 *   server.client("/ws/chat/room1/").connect().send("{\"action\":\"ping\"}").expectAction("pong");
 * }
 * }</pre>
 */
public final class ChanxServerExtension implements BeforeAllCallback, AfterAllCallback, BeforeEachCallback,
    AfterEachCallback {

  private final Supplier<ChanxServer> factory;
  private final List<ChanxTestClient<?>> clients = new CopyOnWriteArrayList<>();
  private ChanxServer server;
  private boolean perClass;

  private ChanxServerExtension(Supplier<ChanxServer> factory) {
    this.factory = factory;
  }

  /**
   * {@return an extension that starts the server this supplies, configured on port 0 (a free
   * port) and not started}
   *
   * @param factory supplies the configured, unstarted server on port 0
   */
  public static ChanxServerExtension of(Supplier<ChanxServer> factory) {
    return new ChanxServerExtension(Objects.requireNonNull(factory, "factory"));
  }

  @Override
  public void beforeAll(ExtensionContext context) {
    perClass = true;
    start();
  }

  @Override
  public void beforeEach(ExtensionContext context) {
    if (server == null) {
      start();
    }
  }

  @Override
  public void afterEach(ExtensionContext context) {
    for (ChanxTestClient<?> client : clients) {
      client.close();
    }
    clients.clear();
    if (!perClass) {
      stop();
    }
  }

  @Override
  public void afterAll(ExtensionContext context) {
    stop();
  }

  /**
   * {@return the running server}
   */
  public ChanxServer server() {
    if (server == null) {
      throw new IllegalStateException("the server runs only during tests (register the extension with @RegisterExtension)");
    }
    return server;
  }

  /**
   * {@return the port it listens on}
   */
  public int port() {
    return server().port();
  }

  /**
   * {@return the WebSocket URI of a path on it, such as {@code
   * ws://127.0.0.1:41234/ws/chat/room1/}}
   *
   * @param path the request path, such as {@code /ws/chat/room1/}
   */
  public URI uri(String path) {
    return URI.create("ws://127.0.0.1:" + port() + (path.startsWith("/") ? path : "/" + path));
  }

  /**
   * {@return a client of a path on it, reading frames as text and JSON}
   *
   * @param path the request path, such as {@code /ws/chat/room1/}
   */
  public ClientBuilder<Message> client(String path) {
    return new ClientBuilder<>(uri(path), null, new LinkedHashMap<>(), clients::add);
  }

  /**
   * {@return a client of a path on it, also reading frames as the channel's messages with {@code
   * decoder}}
   *
   * @param <S> the channel's server message type
   * @param path the request path, such as {@code /ws/chat/room1/}
   * @param decoder reads server frames as the channel's messages
   */
  public <S extends Message> ClientBuilder<S> client(String path, ServerFrameDecoder<S> decoder) {
    return client(path).decoder(decoder);
  }

  private void start() {
    server = factory.get().start();
  }

  private void stop() {
    if (server != null) {
      server.stop();
      server = null;
    }
  }
}
