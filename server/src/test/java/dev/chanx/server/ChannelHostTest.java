package dev.chanx.server;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.chanx.core.codec.TextFrame;
import dev.chanx.server.testing.ChatRoom;
import dev.chanx.server.testing.chat.ChatRoute;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/**
 * The host a servlet container drives: upgrades decided in the embedded server's order, and an
 * accepted socket running the server's own pipeline over whatever {@link Socket} the container
 * gives it.
 */
class ChannelHostTest {

  private static HostRequest request(String path, Map<String, List<String>> headers, Object principal) {
    return new HostRequest() {
      @Override
      public String rawPath() {
        return path;
      }

      @Override
      public String decodedPath() {
        return path;
      }

      @Override
      public Map<String, List<String>> query() {
        return Map.of();
      }

      @Override
      public Map<String, List<String>> headers() {
        return headers;
      }

      @Override
      public Optional<Object> principal() {
        return Optional.ofNullable(principal);
      }
    };
  }

  private static final Map<String, List<String>> UPGRADE =
      Map.of("Upgrade", List.of("websocket"), "Host", List.of("127.0.0.1:8080"));

  /** A socket that records what the server sends through it, and reports every frame written. */
  private static final class RecordingSocket implements Socket {
    final LinkedBlockingQueue<String> sent = new LinkedBlockingQueue<>();

    @Override
    public void sendText(TextFrame frame, FrameWritten written) {
      sent.add(frame.text());
      written.done(frame.length(), null);
    }

    @Override
    public void sendBinary(ByteBuffer payload, FrameWritten written) {
      written.done(payload.remaining(), null);
    }

    @Override
    public void ping() {}

    @Override
    public void close(int code, String reason) {
      sent.add("close " + code);
    }

    @Override
    public void abort() {}
  }

  @Test
  void upgradesAreRefusedInTheServersOrderWithoutUpgrading() {
    ChannelHost host = ChannelHost.create(config -> config.channel(ChatRoute.create(), new ChatRoom())
        .allowedOrigins("https://app.example.com"));
    assertEquals(503, host.answer(request("/ws/chat/room1/", UPGRADE, null)).status(), "not started yet");
    host.start();
    try {
      assertFalse(host.serves("/elsewhere/"));
      assertEquals(404, host.answer(request("/elsewhere/", UPGRADE, null)).status());
      HostAnswer plain = host.answer(request("/ws/chat/room1/", Map.of(), null));
      assertEquals(426, plain.status());
      assertEquals("websocket", plain.headers().get("Upgrade"));
      assertTrue(new String(plain.body(), StandardCharsets.UTF_8).contains("WebSocket endpoint"));
      Map<String, List<String>> foreign = Map.of("Upgrade", List.of("websocket"), "Host", List.of("127.0.0.1:8080"),
          "Origin", List.of("https://evil.example.com"));
      assertEquals(403, host.answer(request("/ws/chat/room1/", foreign, null)).status());
      assertTrue(host.answer(request("/ws/chat/room1/", UPGRADE, null)).upgrades());
    } finally {
      host.stop();
    }
    assertEquals(503, host.answer(request("/ws/chat/room1/", UPGRADE, null)).status(), "stopped");
  }

  @Test
  void anAuthenticatorsRefusalIsTheAnswersStatusAndJsonBody() {
    ChannelHost host = ChannelHost.create(config -> config.channel(ChatRoute.create(), new ChatRoom())
        .authenticate(request -> AuthResult.unauthorized("Invalid token"))).start();
    try {
      HostAnswer answer = host.answer(request("/ws/chat/room1/", UPGRADE, null));
      assertEquals(401, answer.status());
      assertEquals("application/json", answer.headers().get("Content-Type"));
      assertEquals("{\"detail\":\"Invalid token\"}", new String(answer.body(), StandardCharsets.UTF_8));
    } finally {
      host.stop();
    }
  }

  @Test
  void anAcceptedSocketRunsTheServersPipelineWithTheContainersPrincipal() throws Exception {
    ChatRoom room = new ChatRoom();
    ChannelHost host = ChannelHost.create(config -> config.channel(ChatRoute.create(), room)).start();
    try {
      SocketEvents events = host.answer(request("/ws/chat/room1/", UPGRADE, "alice")).events();
      RecordingSocket socket = new RecordingSocket();
      events.opened(socket);
      assertEquals(Optional.of("alice"), room.connected.poll(5, TimeUnit.SECONDS).principal());
      events.text("{\"action\":\"ping\",\"ref\":1}");
      assertEquals("{\"action\":\"pong\",\"payload\":null,\"ref\":1}", socket.sent.poll(5, TimeUnit.SECONDS));
      events.text("{\"action\":\"nope\"}");
      assertTrue(socket.sent.poll(5, TimeUnit.SECONDS).startsWith("{\"action\":\"error\""));
      host.publisher(ChatRoute.create()).broadcast(new dev.chanx.server.testing.chat.NoticeMessage("hi"), "room1");
      assertEquals("{\"action\":\"notice\",\"payload\":\"hi\"}", socket.sent.poll(5, TimeUnit.SECONDS));
      events.closed(1000, "");
      assertEquals(1, room.disconnected.size());
    } finally {
      host.stop();
    }
  }
}
