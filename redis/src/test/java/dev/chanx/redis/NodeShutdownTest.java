package dev.chanx.redis;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.chanx.redis.ChatNode.Member;
import dev.chanx.server.ChannelPublisher;
import dev.chanx.server.testing.Poll;
import dev.chanx.server.testing.chat.ChatRoute;
import dev.chanx.server.testing.chat.ChatServerMessage;
import dev.chanx.server.testing.chat.NoticeMessage;
import java.time.Duration;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/** A node shuts down while another keeps serving the same rooms. */
@Timeout(value = 60, unit = TimeUnit.SECONDS)
class NodeShutdownTest {

  private static final String PING = "{\"action\":\"ping\"}";
  private static final String PONG = "{\"action\":\"pong\",\"payload\":null}";

  private static String chat(String text, String name) {
    return "{\"action\":\"new_chat_message\",\"payload\":{\"message\":\"" + text + "\",\"name\":\"" + name + "\"}}";
  }

  private static String node(String connectionId) {
    return connectionId.substring(0, connectionId.indexOf('.'));
  }

  @Test
  void aStoppedNodeLeavesNoSubscriptionBehindAndTheOtherKeepsServing() throws Exception {
    String namespace = RedisForTests.freshNamespace();
    RedisNames names = new RedisNames(namespace);
    try (RedisAdmin redis = new RedisAdmin(RedisForTests.uri());
        ChatNode a = ChatNode.start(RedisForTests.uri(), namespace)) {
      ChatNode b = ChatNode.start(RedisForTests.uri(), namespace);
      Member alice = a.join("stay");
      Member carol = a.join("stay");
      Member bob = b.join("stay");
      Member bea = b.join("only-b");
      assertEquals(2, redis.subscribers(names.group("chat/stay")));
      assertEquals(1, redis.subscribers(names.group("chat/only-b")));
      assertEquals(1, redis.subscribers(names.node(node(bob.id()))));

      b.close();
      assertEquals(1001, bob.client().closeCode());
      assertEquals(1001, bea.client().closeCode());
      Poll.until(Duration.ofSeconds(5), "node B's subscriptions end", () ->
          redis.subscribers(names.group("chat/stay")) == 1
              && redis.subscribers(names.group("chat/only-b")) == 0
              && redis.subscribers(names.node(node(bob.id()))) == 0);
      assertEquals(Set.of(), b.layer.subscribedGroups());

      String hello = chat("still here?", "Alice");
      alice.client().send(hello);
      carol.client().expect(hello);
      ChannelPublisher<ChatServerMessage> publisher = a.server.publisher(ChatRoute.create());
      publisher.send(bob.id(), new NoticeMessage("gone"));
      publisher.broadcast(new NoticeMessage("to those left"), "stay", "only-b");
      alice.client().expect("{\"action\":\"notice\",\"payload\":\"to those left\"}");
      carol.client().expect("{\"action\":\"notice\",\"payload\":\"to those left\"}");
      Member newcomer = a.join("stay");
      newcomer.client().send(PING).expect(PONG);
      String hi = chat("welcome", "Newcomer");
      newcomer.client().send(hi);
      alice.client().expect(hi);
      carol.client().expect(hi);
      for (Member member : new Member[] {alice, carol, newcomer}) {
        member.client().close();
      }
    }
  }
}
