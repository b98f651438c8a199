package dev.chanx.redis;

import dev.chanx.server.ChanxServer;
import dev.chanx.server.channel.Connection;
import dev.chanx.server.testing.ChatRoom;
import dev.chanx.server.testing.Poll;
import dev.chanx.server.testing.TestClient;
import dev.chanx.server.testing.chat.ChatPath;
import dev.chanx.server.testing.chat.ChatRoute;
import dev.chanx.server.testing.chat.ChatServerMessage;
import java.time.Duration;
import java.util.concurrent.TimeUnit;

/** One server node hosting the test chat channel on a Redis layer, on a free loopback port. */
final class ChatNode implements AutoCloseable {

  /** A client connected to a node, with the id the node gave its connection. */
  record Member(TestClient client, String id) {}

  final ChatRoom room = new ChatRoom();
  final RedisChannelLayer layer;
  final ChanxServer server;

  private ChatNode(RedisChannelLayer layer, java.time.Duration window, int size) {
    this.layer = layer;
    this.server = ChanxServer.create(config -> config.host("127.0.0.1").port(0).layer(layer)
        .channel(ChatRoute.create(), room, chat -> {
          if (window != null) {
            chat.recovery(window, size);
          }
        })).start();
  }

  static ChatNode start(String redisUri, String namespace) {
    return new ChatNode(RedisChannelLayer.create(redisUri).namespace(namespace), null, 0);
  }

  /** A node whose chat broadcasts are recoverable: {@code size} frames per room for two minutes. */
  static ChatNode recoverable(String redisUri, String namespace, int size) {
    return new ChatNode(RedisChannelLayer.create(redisUri).namespace(namespace), java.time.Duration.ofMinutes(2), size);
  }

  /** Connects a client to a room and waits until this node's subscription to it is confirmed. */
  Member join(String group) throws Exception {
    TestClient client = TestClient.connect(server.port(), path(group));
    String id = awaitConnection();
    awaitSubscribed(group);
    return new Member(client, id);
  }

  /** The address of a room on this node. */
  static String path(String group) {
    return "/ws/chat/" + group + "/";
  }

  /** The id of the next connection the node opens. */
  String awaitConnection() throws InterruptedException {
    Connection<ChatServerMessage, ChatPath> connection = room.connected.poll(10, TimeUnit.SECONDS);
    if (connection == null) {
      throw new AssertionError("the node opened no connection");
    }
    return connection.id();
  }

  /** Waits until Redis has confirmed this node's subscription to a room. */
  void awaitSubscribed(String group) throws InterruptedException {
    Poll.until(Duration.ofSeconds(5), "subscribed to chat/" + group,
        () -> layer.subscribedGroups().contains("chat/" + group));
  }

  @Override
  public void close() {
    server.stop();
  }
}
