package dev.chanx.server;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.chanx.server.channel.Connection;
import dev.chanx.server.testing.ChatRoom;
import dev.chanx.server.testing.ChatRoutes;
import dev.chanx.server.testing.TestClient;
import dev.chanx.server.testing.chat.ChatPath;
import dev.chanx.server.testing.chat.ChatRoute;
import dev.chanx.server.testing.chat.ChatServerMessage;
import java.net.URI;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import org.eclipse.jetty.websocket.api.Callback;
import org.eclipse.jetty.websocket.api.Session;
import org.eclipse.jetty.websocket.client.ClientUpgradeRequest;
import org.eclipse.jetty.websocket.client.WebSocketClient;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/** Registration rules, what a connection knows of its request, and the server's life cycle. */
@Timeout(value = 60, unit = TimeUnit.SECONDS)
class ChanxServerConfigTest {

  @Test
  void secondChannelAtTheSameAddressIsRefusedAtOnceNamingIt() {
    ChanxServer.create(config -> {
      config.channel(ChatRoute.create(), new ChatRoom());
      IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
          () -> config.channel(ChatRoutes.at("chat2", "/ws/chat/{group_name}"), new ChatRoom()));
      assertEquals("a channel is already served at address /ws/chat/{group_name} (channel chat)", e.getMessage());
      e = assertThrows(IllegalArgumentException.class,
          () -> config.channel(ChatRoutes.at("chat", "ws/other/{group_name}/"), new ChatRoom()));
      assertEquals("a channel named chat is already served", e.getMessage());
    });
  }

  @Test
  void routeWhoseParametersDisagreeWithItsAddressIsRefused() {
    IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
        () -> ChanxServer.create(config -> config.channel(ChatRoutes.at("odd", "ws/odd/{room}/"), new ChatRoom())));
    assertTrue(e.getMessage().startsWith("channel odd: address ws/odd/{room}/ has parameters [room]"), e.getMessage());
  }

  @Test
  void missingResourcesAndUnknownRoutesAreRefusedWhenConfigured() {
    ChanxServer server = ChanxServer.create(config -> {
      assertThrows(IllegalArgumentException.class, () -> config.staticResources("/x/", "no/such/folder"));
      assertThrows(IllegalArgumentException.class, () -> config.asyncApi("no-such.yaml"));
    });
    assertThrows(IllegalArgumentException.class, () -> server.publisher(ChatRoute.create()));
  }

  @Test
  void connectionKnowsItsPathQueryAndHeaders() throws Exception {
    ChatRoom room = new ChatRoom();
    ChanxServer server = ChanxServer.create(config -> config.host("127.0.0.1").port(0)
        .channel(ChatRoute.create(), room)).start();
    try (TestClient client = TestClient.connect(server.port(), "/ws/chat/room%201/?token=abc&tag=a&tag=b")) {
      client.send("{\"action\":\"ping\"}").next();
      Connection<ChatServerMessage, ChatPath> connection = room.connected.poll(10, TimeUnit.SECONDS);
      assertEquals(new ChatPath("room 1"), connection.path());
      assertEquals("/ws/chat/room 1/", connection.requestPath());
      assertEquals(Optional.of("abc"), connection.queryParameter("token"));
      assertEquals(List.of("a", "b"), connection.queryParameters().get("tag"));
      assertEquals(Optional.of("13"), connection.header("sec-websocket-version"));
      assertTrue(connection.groups().contains("room 1"));
      connection.attribute("user", "alice");
      assertEquals("alice", connection.<String>attribute("user"));
    } finally {
      server.stop();
    }
    assertThrows(IllegalStateException.class, server::port);
  }

  @Test
  void configurationIsClosedOnceTheLambdaReturns() {
    ServerConfig[] kept = new ServerConfig[1];
    ChannelConfig<?>[] channel = new ChannelConfig<?>[1];
    ChanxServer server = ChanxServer.create(config -> kept[0] = config.host("127.0.0.1").port(0)
        .channel(ChatRoute.create(), new ChatRoom(), chat -> channel[0] = chat)).start();
    try {
      assertThrows(IllegalStateException.class, () -> kept[0].port(9));
      assertThrows(IllegalStateException.class, () -> kept[0].channel(ChatRoutes.at("late", "ws/late/{group_name}/"),
          new ChatRoom()));
      assertEquals("the channel is configured: configure it inside config.channel(route, handler, channel -> ...)",
          assertThrows(IllegalStateException.class, () -> channel[0].completionFrames(true)).getMessage());
      assertEquals("the server is already started", assertThrows(IllegalStateException.class, server::start)
          .getMessage());
    } finally {
      server.stop();
    }
  }

  @Test
  void stopClosesOpenSocketsAsGoingAway() throws Exception {
    ChatRoom room = new ChatRoom();
    ChanxServer server = ChanxServer.create(config -> config.host("127.0.0.1").port(0)
        .channel(ChatRoute.create(), room)).start();
    TestClient client = TestClient.connect(server.port(), "/ws/chat/bye/");
    client.send("{\"action\":\"ping\"}").next();
    server.stop();
    assertEquals(1001, client.closeCode());
    room.disconnected.poll(10, TimeUnit.SECONDS);
  }

  @Test
  void silentSocketIsClosedAfterTheIdleTimeout() throws Exception {
    ChanxServer server = ChanxServer.create(config -> config.host("127.0.0.1").port(0)
        .idleTimeout(Duration.ofMillis(300))
        .channel(ChatRoute.create(), new ChatRoom())).start();
    try {
      TestClient client = TestClient.connect(server.port(), "/ws/chat/quiet/");
      assertEquals(1001, client.closeCode());
    } finally {
      server.stop();
    }
  }

  @Test
  void compressionIsNegotiatedOnlyWhenEnabledAndThenCarriesFrames() throws Exception {
    ChanxServer server = ChanxServer.create(config -> config.host("127.0.0.1").port(0).compression(true)
        .channel(ChatRoute.create(), new ChatRoom())).start();
    WebSocketClient jetty = new WebSocketClient();
    jetty.start();
    try {
      ClientUpgradeRequest request = new ClientUpgradeRequest();
      request.addExtensions("permessage-deflate");
      QueueListener listener = new QueueListener();
      Session session = jetty.connect(listener, URI.create("ws://127.0.0.1:" + server.port() + "/ws/chat/z/"), request)
          .get(10, TimeUnit.SECONDS);
      assertTrue(session.getUpgradeResponse().getExtensions().stream()
          .anyMatch(extension -> extension.getName().equals("permessage-deflate")));
      session.sendText("{\"action\":\"ping\",\"ref\":\"" + "x".repeat(2000) + "\"}", Callback.NOOP);
      assertEquals("{\"action\":\"pong\",\"payload\":null,\"ref\":\"" + "x".repeat(2000) + "\"}",
          listener.frames.poll(10, TimeUnit.SECONDS));
      session.close();
    } finally {
      jetty.stop();
      server.stop();
    }
  }

  /** A Jetty client listener collecting text frames; Jetty wants it public. */
  public static final class QueueListener implements Session.Listener.AutoDemanding {
    final BlockingQueue<String> frames = new LinkedBlockingQueue<>();

    @Override
    public void onWebSocketText(String text) {
      frames.add(text);
    }
  }
}
