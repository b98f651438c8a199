package dev.chanx.server;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Duration;
import java.util.Base64;
import org.eclipse.jetty.http.HttpHeader;
import org.eclipse.jetty.http.HttpMethod;
import org.eclipse.jetty.http.HttpStatus;
import org.eclipse.jetty.http.HttpVersion;
import org.eclipse.jetty.server.HttpStream;
import org.eclipse.jetty.server.Request;
import org.eclipse.jetty.server.Response;
import org.eclipse.jetty.util.Callback;

/**
 * The server side of the RFC 6455 opening handshake for {@link LeanSocket}: checks the request,
 * answers 101 with the accept key, and has Jetty hand the TCP connection over once the response
 * is written. Offers of extensions and subprotocols are declined by not answering them.
 */
final class LeanUpgrade {

  private static final String ACCEPT_GUID = "258EAFA5-E914-47DA-95CA-C5AB0DC85B11";

  private final Duration idleTimeout;
  private final int maxText;
  private final int maxBinary;
  private final boolean handOff;

  /** With {@code handOff}, each readable socket is handled on a pool thread, else on the I/O thread. */
  LeanUpgrade(Duration idleTimeout, int maxText, int maxBinary, boolean handOff) {
    this.idleTimeout = idleTimeout;
    this.maxText = maxText;
    this.maxBinary = maxBinary;
    this.handOff = handOff;
  }

  /** {@return whether the request is a WebSocket upgrade this transport takes: HTTP/1.1 GET, version 13, a key} */
  static boolean acceptable(Request request) {
    if (!HttpMethod.GET.is(request.getMethod())
        || request.getConnectionMetaData().getHttpVersion() != HttpVersion.HTTP_1_1
        || !"13".equals(request.getHeaders().get(HttpHeader.SEC_WEBSOCKET_VERSION))
        || !request.getHeaders().contains(HttpHeader.CONNECTION, "upgrade")) {
      return false;
    }
    String key = request.getHeaders().get(HttpHeader.SEC_WEBSOCKET_KEY);
    try {
      return key != null && Base64.getDecoder().decode(key.trim()).length == 16;
    } catch (IllegalArgumentException e) {
      return false;
    }
  }

  /** Answers 101 and takes the connection over for {@code events}; the request must be {@link #acceptable}. */
  void upgrade(Request request, Response response, Callback callback, SocketEvents events) {
    var connection = request.getConnectionMetaData().getConnection();
    LeanSocket socket = new LeanSocket(connection.getEndPoint(), request.getComponents().getExecutor(),
        request.getComponents().getByteBufferPool(), events, maxText, maxBinary, idleTimeout.toMillis(), handOff);
    response.setStatus(HttpStatus.SWITCHING_PROTOCOLS_101);
    response.getHeaders().put(HttpHeader.UPGRADE, "websocket");
    response.getHeaders().put(HttpHeader.CONNECTION, "Upgrade");
    response.getHeaders().put(HttpHeader.SEC_WEBSOCKET_ACCEPT,
        accept(request.getHeaders().get(HttpHeader.SEC_WEBSOCKET_KEY).trim()));
    request.setAttribute(HttpStream.UPGRADE_CONNECTION_ATTRIBUTE, socket);
    response.write(true, null, callback);
  }

  /** {@return the {@code Sec-WebSocket-Accept} value for a client's key} */
  static String accept(String key) {
    try {
      MessageDigest sha1 = MessageDigest.getInstance("SHA-1");
      return Base64.getEncoder().encodeToString(sha1.digest((key + ACCEPT_GUID).getBytes(StandardCharsets.US_ASCII)));
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("every Java runtime has SHA-1", e);
    }
  }
}
