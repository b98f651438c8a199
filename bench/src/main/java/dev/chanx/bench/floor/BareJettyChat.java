package dev.chanx.bench.floor;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.json.JsonMapper;
import java.time.Duration;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import org.eclipse.jetty.server.Server;
import org.eclipse.jetty.server.ServerConnector;
import org.eclipse.jetty.websocket.api.Callback;
import org.eclipse.jetty.websocket.api.Session;
import org.eclipse.jetty.websocket.server.WebSocketUpgradeHandler;

/**
 * The floor of the load benchmark: the tutorial chat on bare Jetty 12 WebSocket and Jackson, no
 * framework. Rooms from {@code /ws/chat/{room}/}; {@code new_chat_message} is serialised once and
 * sent with {@code sendText} to everyone else in the room; {@code ping} gets {@code pong}. Jetty's
 * defaults otherwise: default thread pool, and {@code permessage-deflate} accepted when offered.
 * Usage: {@code java -cp chanx-bench.jar dev.chanx.bench.floor.BareJettyChat [--port 8000]}.
 */
public final class BareJettyChat {

  static final ObjectMapper JSON = JsonMapper.builder().build();
  private static final String PONG = "{\"action\":\"pong\",\"payload\":null}";

  private final Map<String, Set<Endpoint>> rooms = new ConcurrentHashMap<>();

  private BareJettyChat() {}

  public static void main(String[] args) throws Exception {
    int port = args.length == 2 && args[0].equals("--port") ? Integer.parseInt(args[1]) : 8000;
    BareJettyChat chat = new BareJettyChat();
    Server server = new Server();
    ServerConnector connector = new ServerConnector(server);
    connector.setHost("127.0.0.1");
    connector.setPort(port);
    server.addConnector(connector);
    server.setHandler(WebSocketUpgradeHandler.from(server, container -> {
      // As long as the generated server's idle timeout, so idle-connection runs are not cut short.
      container.setIdleTimeout(Duration.ofMinutes(10));
      container.addMapping("uri-template|/ws/chat/{room}/", (request, response, callback) ->
          new Endpoint(chat, request.getHttpURI().getPath().split("/")[3]));
    }));
    server.start();
    System.out.println("bare Jetty chat listening on 127.0.0.1:" + connector.getLocalPort());
    server.join();
  }

  /** A frame of the protocol; Jackson binds it. */
  @JsonIgnoreProperties(ignoreUnknown = true)
  public record ChatFrame(String action, ChatPayload payload) {}

  /** What someone says, and under which name. */
  @JsonIgnoreProperties(ignoreUnknown = true)
  public record ChatPayload(String message, String name) {}

  /** One socket in one room. Jetty needs a public class. */
  public static final class Endpoint implements Session.Listener.AutoDemanding {
    private final BareJettyChat chat;
    private final String room;
    private Session session;

    Endpoint(BareJettyChat chat, String room) {
      this.chat = chat;
      this.room = room;
    }

    @Override
    public void onWebSocketOpen(Session opened) {
      session = opened;
      chat.rooms.computeIfAbsent(room, r -> ConcurrentHashMap.newKeySet()).add(this);
    }

    @Override
    public void onWebSocketText(String text) {
      ChatFrame frame;
      try {
        frame = JSON.readValue(text, ChatFrame.class);
      } catch (Exception e) {
        session.sendText("{\"action\":\"error\",\"payload\":{\"detail\":\"Invalid JSON\"}}", Callback.NOOP);
        return;
      }
      if ("new_chat_message".equals(frame.action()) && frame.payload() != null) {
        String out;
        try {
          out = JSON.writeValueAsString(frame);
        } catch (Exception e) {
          return;
        }
        for (Endpoint peer : chat.rooms.getOrDefault(room, Set.of())) {
          if (peer != this) {
            peer.session.sendText(out, Callback.NOOP);
          }
        }
      } else if ("ping".equals(frame.action())) {
        session.sendText(PONG, Callback.NOOP);
      }
    }

    @Override
    public void onWebSocketClose(int statusCode, String reason) {
      Set<Endpoint> members = chat.rooms.get(room);
      if (members != null) {
        members.remove(this);
      }
    }
  }
}
