package dev.chanx.testkit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.fail;

import dev.chanx.client.ServerFrameDecoder;
import dev.chanx.core.codec.UpgradeHeaders;
import dev.chanx.core.message.Message;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.WebSocket;
import java.net.http.WebSocketHandshakeException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletionException;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;

/**
 * A test client about to connect: where, with which headers (an {@code Origin}, a cookie, a
 * token) and which decoder; then {@link #connect} it, or check that the server refuses it.
 *
 * @param <S> what the server sends on the channel
 */
public final class ClientBuilder<S extends Message> {

  private static final HttpClient HTTP = HttpClient.newHttpClient();
  private static final Duration WAIT = Duration.ofSeconds(10);

  private final URI uri;
  private final ServerFrameDecoder<S> decoder;
  private final Map<String, List<String>> headers;
  private final Consumer<ChanxTestClient<?>> opened;

  ClientBuilder(URI uri, ServerFrameDecoder<S> decoder, Map<String, List<String>> headers,
      Consumer<ChanxTestClient<?>> opened) {
    this.uri = uri;
    this.decoder = decoder;
    this.headers = headers;
    this.opened = opened;
  }

  /**
   * A client of a server not started by the extension, such as {@code ws://127.0.0.1:8000/ws/chat/room1/}.
   *
   * @param uri the WebSocket URI to connect to
   * @return a builder of a client of that URI
   */
  public static ClientBuilder<Message> to(URI uri) {
    return new ClientBuilder<>(uri, null, new LinkedHashMap<>(), client -> {});
  }

  /**
   * Reads server frames as the channel's messages with this decoder, for {@link ChanxTestClient#expect}.
   *
   * @param <T> the channel's server message type
   * @param frameDecoder reads server frames as the channel's messages
   * @return a builder like this one that reads with the decoder
   */
  public <T extends Message> ClientBuilder<T> decoder(ServerFrameDecoder<T> frameDecoder) {
    return new ClientBuilder<>(uri, frameDecoder, headers, opened);
  }

  /**
   * Adds a header to the upgrade request.
   *
   * @param name the header's name
   * @param value the header's value
   * @return this builder
   */
  public ClientBuilder<S> header(String name, String value) {
    headers.computeIfAbsent(name, key -> new ArrayList<>()).add(value);
    return this;
  }

  /**
   * Sends an {@code Origin} header, as a browser on that page would.
   *
   * @param origin the origin, such as {@code https://app.example.com}
   * @return this builder
   */
  public ClientBuilder<S> origin(String origin) {
    return header("Origin", origin);
  }

  /**
   * Sends a cookie.
   *
   * @param name the cookie's name
   * @param value the cookie's value
   * @return this builder
   */
  public ClientBuilder<S> cookie(String name, String value) {
    return header("Cookie", name + "=" + value);
  }

  /**
   * Opens the socket; fails the test if the server refuses the upgrade.
   *
   * @return the connected client
   */
  public ChanxTestClient<S> connect() {
    Inbox inbox = new Inbox();
    try {
      WebSocket socket = builder().buildAsync(uri, inbox).get(WAIT.toSeconds(), TimeUnit.SECONDS);
      ChanxTestClient<S> client = new ChanxTestClient<>(socket, inbox, decoder);
      opened.accept(client);
      return client;
    } catch (ExecutionException | CompletionException e) {
      int status = status(e.getCause());
      return fail(status > 0 ? uri + " refused the upgrade with HTTP " + status : "cannot connect to " + uri, e.getCause());
    } catch (Exception e) {
      return fail("cannot connect to " + uri, e);
    }
  }

  /**
   * Checks that the server refuses the upgrade with this HTTP status, without opening a socket.
   *
   * @param status the expected HTTP status
   */
  public void assertRefused(int status) {
    Inbox inbox = new Inbox();
    try {
      WebSocket socket = builder().buildAsync(uri, inbox).get(WAIT.toSeconds(), TimeUnit.SECONDS);
      socket.abort();
      fail("expected " + uri + " to refuse the upgrade with " + status + ", but it was accepted");
    } catch (ExecutionException | CompletionException e) {
      assertEquals(status, status(e.getCause()), () -> "status of the refused upgrade (" + e.getCause() + ")");
    } catch (Exception e) {
      fail("cannot connect to " + uri, e);
    }
  }

  private WebSocket.Builder builder() {
    // The server holds its frames until the client's first, which Inbox sends once the JDK client
    // can no longer lose what arrives (see Inbox#onOpen).
    WebSocket.Builder builder = HTTP.newWebSocketBuilder().connectTimeout(WAIT)
        .header(UpgradeHeaders.CLIENT_SPEAKS_FIRST, "1");
    headers.forEach((name, values) -> values.forEach(value -> builder.header(name, value)));
    return builder;
  }

  private static int status(Throwable failure) {
    return failure instanceof WebSocketHandshakeException handshake ? handshake.getResponse().statusCode() : -1;
  }
}
