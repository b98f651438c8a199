package dev.chanx.redis;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;

import dev.chanx.redis.ChatNode.Member;
import dev.chanx.server.ChannelPublisher;
import dev.chanx.server.testing.chat.ChatRoute;
import dev.chanx.server.testing.chat.ChatServerMessage;
import dev.chanx.server.testing.chat.NoticeMessage;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.extension.ExtendWith;

/** Two nodes sharing the Redis of {@code CHANX_REDIS_URL}, with clients on each. */
@Timeout(value = 60, unit = TimeUnit.SECONDS)
@ExtendWith(RedisForTests.Needed.class)
class TwoNodesChatTest {

  private static final String PING = "{\"action\":\"ping\"}";
  private static final String PONG = "{\"action\":\"pong\",\"payload\":null}";

  private static RedisNames names;
  private static ChatNode a;
  private static ChatNode b;

  @BeforeAll
  static void start() {
    String namespace = RedisForTests.freshNamespace();
    names = new RedisNames(namespace);
    a = ChatNode.start(RedisForTests.uri(), namespace);
    b = ChatNode.start(RedisForTests.uri(), namespace);
  }

  @AfterAll
  static void stop() {
    a.close();
    b.close();
  }

  private static String chat(String text, String name) {
    return "{\"action\":\"new_chat_message\",\"payload\":{\"message\":\"" + text + "\",\"name\":\"" + name + "\"}}";
  }

  @Test
  void aBroadcastCrossesNodesAndLeavesOutOnlyTheSender() throws Exception {
    Member alice = a.join("cross");
    Member carol = a.join("cross");
    Member bob = b.join("cross");
    Member dave = b.join("cross");
    assertNotEquals(alice.id().split("\\.")[0], bob.id().split("\\.")[0]);
    String hello = chat("Hello everyone!", "Alice");
    alice.client().send(hello);
    carol.client().expect(hello);
    bob.client().expect(hello);
    dave.client().expect(hello);
    // Frames to one socket keep their order: had the broadcast reached Alice, it would come before pong.
    alice.client().send(PING).expect(PONG);
    String reply = chat("Hi Alice", "Bob");
    bob.client().send(reply);
    alice.client().expect(reply);
    carol.client().expect(reply);
    dave.client().expect(reply);
    bob.client().send(PING).expect(PONG);
    for (Member member : new Member[] {alice, carol, bob, dave}) {
      member.client().close();
    }
  }

  @Test
  void roomsStayApartAcrossNodes() throws Exception {
    Member alice = a.join("north");
    Member frank = a.join("south");
    Member bob = b.join("north");
    Member eve = b.join("south");
    String toNorth = chat("north only", "Alice");
    alice.client().send(toNorth);
    bob.client().expect(toNorth);
    String toSouth = chat("south only", "Frank");
    frank.client().send(toSouth);
    // Redis keeps node A's publishes in order: a leak to Eve would arrive before this frame.
    eve.client().expect(toSouth);
    frank.client().send(PING).expect(PONG);
    bob.client().send(PING).expect(PONG);
    for (Member member : new Member[] {alice, frank, bob, eve}) {
      member.client().close();
    }
  }

  @Test
  void aPushFromOneNodeReachesAConnectionOnTheOtherAndAGroupSpanningBoth() throws Exception {
    Member alice = a.join("pushes");
    Member bob = b.join("pushes");
    Member lonely = b.join("elsewhere");
    ChannelPublisher<ChatServerMessage> publisher = a.server.publisher(ChatRoute.create());
    publisher.send(bob.id(), new NoticeMessage("just bob"));
    bob.client().expect("{\"action\":\"notice\",\"payload\":\"just bob\"}");
    publisher.broadcast(new NoticeMessage("everyone"), "pushes");
    alice.client().expect("{\"action\":\"notice\",\"payload\":\"everyone\"}");
    bob.client().expect("{\"action\":\"notice\",\"payload\":\"everyone\"}");
    publisher.send(lonely.id(), new NoticeMessage("fence"));
    lonely.client().expect("{\"action\":\"notice\",\"payload\":\"fence\"}");
    alice.client().send(PING).expect(PONG);
    for (Member member : new Member[] {alice, bob, lonely}) {
      member.client().close();
    }
  }

  @Test
  void eachNodeSubscribesOnlyToTheRoomsOfItsOwnClients() throws Exception {
    Member alice = a.join("only-on-a");
    Member bob = b.join("only-on-b");
    assertEquals(false, b.layer.subscribedGroups().contains("chat/only-on-a"));
    assertEquals(false, a.layer.subscribedGroups().contains("chat/only-on-b"));
    try (RedisAdmin redis = new RedisAdmin(RedisForTests.uri())) {
      assertEquals(1, redis.subscribers(names.group("chat/only-on-a")));
      assertEquals(1, redis.subscribers(names.group("chat/only-on-b")));
    }
    alice.client().close();
    bob.client().close();
  }
}
