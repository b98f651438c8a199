package dev.chanx.runtime.client;

import java.net.http.WebSocket;
import java.util.concurrent.CompletionStage;

/**
 * The JDK WebSocket listener of one socket: joins the parts of a text message and hands whole
 * frames and the socket's end to its client. The JDK calls it one event at a time.
 */
final class SocketListener implements WebSocket.Listener {

  private final ChanxClient<?, ?> client;
  private final StringBuilder parts = new StringBuilder();

  SocketListener(ChanxClient<?, ?> client) {
    this.client = client;
  }

  @Override
  public void onOpen(WebSocket socket) {
    client.opened(socket);
    socket.request(1);
  }

  @Override
  public CompletionStage<?> onText(WebSocket socket, CharSequence data, boolean last) {
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
  public CompletionStage<?> onClose(WebSocket socket, int statusCode, String reason) {
    client.disconnected(socket, statusCode, reason, null);
    return null;
  }

  @Override
  public void onError(WebSocket socket, Throwable error) {
    client.disconnected(socket, 1006, "", error);
  }
}
