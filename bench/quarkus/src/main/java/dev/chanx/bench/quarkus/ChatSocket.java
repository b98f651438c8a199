package dev.chanx.bench.quarkus;

import io.quarkus.websockets.next.OnTextMessage;
import io.quarkus.websockets.next.WebSocket;
import io.quarkus.websockets.next.WebSocketConnection;
import io.smallrye.mutiny.Uni;

/**
 * The Chanx tutorial chat on Quarkus WebSockets Next, written as its guide writes a chat: an
 * annotated endpoint, records bound by the built-in JSON codec, and a broadcast filtered to the
 * sender's room without the sender.
 */
@WebSocket(path = "/ws/chat/{room}/")
public class ChatSocket {

  /** A frame of the protocol: {@code {"action": ..., "payload": ...}}. */
  public record ChatFrame(String action, ChatPayload payload) {}

  /** What someone says, and under which name. */
  public record ChatPayload(String message, String name) {}

  private static final ChatFrame PONG = new ChatFrame("pong", null);

  // The connection comes in as a callback parameter, as the reference guide allows, rather than as
  // an injected field: the field is a proxy to a session-scoped bean, and with 1,200 clients nearly
  // every call through it failed with ContextNotActiveException (see BENCHMARKS.md).
  @OnTextMessage
  public Uni<Void> onMessage(ChatFrame frame, WebSocketConnection connection) {
    if ("ping".equals(frame.action())) {
      return connection.sendText(PONG);
    }
    if (!"new_chat_message".equals(frame.action())) {
      return Uni.createFrom().voidItem();
    }
    String room = connection.pathParam("room");
    String sender = connection.id();
    return connection.broadcast()
        .filter(c -> !sender.equals(c.id()) && room.equals(c.pathParam("room")))
        .sendText(frame);
  }
}
