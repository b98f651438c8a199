package dev.chanx.client;

import java.io.ByteArrayOutputStream;
import java.net.http.WebSocket;
import java.nio.ByteBuffer;
import java.util.concurrent.CompletionStage;

/**
 * The JDK WebSocket listener of one socket: joins the parts of a text or binary message and hands whole
 * frames and the socket's end to its client, and tells its watchdog of everything the server
 * sends. The JDK calls it one event at a time, and answers pings itself.
 *
 * <p>The JDK's client can lose bytes that arrive while it hands a new connection from its HTTP
 * reader to its WebSocket reader: with a server sending 3,000 frames at once behind its 101, 27 to
 * 161 connections in 10,000 lost 16 KiB or more (the bench's {@code HandoffLoss}), most failing
 * with a {@code ProtocolException}, some silently, whole frames missing. So the client asks the
 * server to send nothing until it has spoken ({@code Chanx-Client-Speaks-First}, see
 * {@link dev.chanx.core.codec.UpgradeHeaders}), and speaks once the hand-over is done: an
 * unsolicited pong in {@link #onOpen}, which RFC 6455 allows and no server answers.
 */
final class SocketListener implements WebSocket.Listener {

  private static final ByteBuffer NOTHING = ByteBuffer.allocate(0);

  private final ChanxClient<?, ?> client;
  private final Watchdog watchdog;
  private final StringBuilder parts = new StringBuilder();
  private final ByteArrayOutputStream binaryParts = new ByteArrayOutputStream();

  SocketListener(ChanxClient<?, ?> client, Watchdog watchdog) {
    this.client = client;
    this.watchdog = watchdog;
  }

  @Override
  public void onOpen(WebSocket socket) {
    socket.sendPong(NOTHING.duplicate());
    client.opened(socket, watchdog);
    socket.request(1);
  }

  @Override
  public CompletionStage<?> onText(WebSocket socket, CharSequence data, boolean last) {
    watchdog.heard();
    parts.append(data);
    if (last) {
      String frame = parts.toString();
      parts.setLength(0);
      client.received(frame);
    }
    socket.request(1);
    return null;
  }

  @Override
  public CompletionStage<?> onBinary(WebSocket socket, ByteBuffer data, boolean last) {
    watchdog.heard();
    byte[] part = new byte[data.remaining()];
    data.get(part);
    binaryParts.writeBytes(part);
    if (last) {
      byte[] frame = binaryParts.toByteArray();
      binaryParts.reset();
      client.received(ByteBuffer.wrap(frame).asReadOnlyBuffer());
    }
    socket.request(1);
    return null;
  }

  @Override
  public CompletionStage<?> onPing(WebSocket socket, ByteBuffer message) {
    watchdog.heard();
    return WebSocket.Listener.super.onPing(socket, message);
  }

  @Override
  public CompletionStage<?> onPong(WebSocket socket, ByteBuffer message) {
    watchdog.heard();
    return WebSocket.Listener.super.onPong(socket, message);
  }

  @Override
  public CompletionStage<?> onClose(WebSocket socket, int statusCode, String reason) {
    watchdog.stop();
    client.disconnected(socket, statusCode, reason, null);
    return null;
  }

  @Override
  public void onError(WebSocket socket, Throwable error) {
    watchdog.stop();
    client.disconnected(socket, 1006, "", error);
  }
}
