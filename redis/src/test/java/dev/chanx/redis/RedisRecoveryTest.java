package dev.chanx.redis;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.chanx.server.ChannelPublisher;
import dev.chanx.server.testing.Poll;
import dev.chanx.server.testing.TestClient;
import dev.chanx.server.testing.chat.ChatRoute;
import dev.chanx.server.testing.chat.ChatServerMessage;
import dev.chanx.server.testing.chat.NoticeMessage;
import io.lettuce.core.RedisClient;
import io.lettuce.core.ScriptOutputType;
import io.lettuce.core.api.StatefulRedisConnection;
import io.lettuce.core.codec.ByteArrayCodec;
import io.lettuce.core.codec.RedisCodec;
import io.lettuce.core.codec.StringCodec;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.extension.ExtendWith;

/** Recoverable groups on Redis: across nodes, a node's gap repaired, sends kept while Redis is down. */
@Timeout(value = 90, unit = TimeUnit.SECONDS)
@ExtendWith(RedisForTests.Needed.class)
class RedisRecoveryTest {

  private static final ObjectMapper JSON = new ObjectMapper();

  private static JsonNode read(String frame) throws Exception {
    return JSON.readTree(frame);
  }

  private static String notice(JsonNode frame) {
    return frame.path("payload").asText();
  }

  private static TestClient connect(ChatNode node, String room, String recover) throws Exception {
    String query = recover == null ? "" : "?chanx_recover=" + URLEncoder.encode(recover, StandardCharsets.UTF_8);
    return TestClient.connect(node.server.port(), ChatNode.path(room) + query);
  }

  @Test
  void aClientRecoversOnAnotherNodeWhatWasSentWhileItWasAway() throws Exception {
    String namespace = RedisForTests.freshNamespace();
    String room = "r" + System.nanoTime();
    try (ChatNode a = ChatNode.recoverable(RedisForTests.uri(), namespace, 1000);
        ChatNode b = ChatNode.recoverable(RedisForTests.uri(), namespace, 1000)) {
      ChannelPublisher<ChatServerMessage> fromB = b.server.publisher(ChatRoute.create());
      JsonNode last;
      try (TestClient bob = connect(a, room, null)) {
        assertEquals("new", read(bob.next()).path("payload").path(room).path("status").asText());
        a.awaitSubscribed(room);
        fromB.broadcast(new NoticeMessage("n1"), room);
        JsonNode first = read(bob.next());
        assertEquals("n1", notice(first));
        last = first.path("pos");
      }
      for (int n = 2; n <= 4; n++) {
        fromB.broadcast(new NoticeMessage("n" + n), room);
      }
      // B reads histories on a connection of its own, which may overtake its sends: wait for them.
      try (RedisAdmin admin = new RedisAdmin(RedisForTests.uri())) {
        String meta = new RedisNames(namespace).meta("chat/" + room);
        Poll.until(Duration.ofSeconds(10), "Redis has n2 to n4", () -> "4".equals(admin.hget(meta, "offset")));
      }
      try (TestClient bob = connect(b, room, last.toString())) {
        JsonNode recovery = read(bob.next()).path("payload").path(room);
        assertEquals("recovered", recovery.path("status").asText(), recovery.toString());
        assertEquals(3, recovery.path("missed").asInt());
        for (int n = 2; n <= 4; n++) {
          JsonNode frame = read(bob.next());
          assertEquals("n" + n, notice(frame));
          assertEquals(n, frame.path("pos").path(room).path("offset").asLong());
        }
        b.awaitSubscribed(room);
        fromB.broadcast(new NoticeMessage("n5"), room);
        assertEquals("n5", notice(read(bob.next())));
        bob.assertNothingWithin(Duration.ofMillis(300));
      }
    }
  }

  @Test
  void aFrameANodeNeverHeardOfIsRepairedFromTheHistoryWithinFiveSeconds() throws Exception {
    String namespace = RedisForTests.freshNamespace();
    RedisNames names = new RedisNames(namespace);
    String room = "r" + System.nanoTime();
    RedisClient client = RedisClient.create(RedisForTests.uri());
    try (ChatNode a = ChatNode.recoverable(RedisForTests.uri(), namespace, 1000);
        StatefulRedisConnection<String, byte[]> redis = client.connect(RedisCodec.of(StringCodec.UTF8,
            ByteArrayCodec.INSTANCE));
        TestClient bob = connect(a, room, null)) {
      read(bob.next());
      a.awaitSubscribed(room);
      ChannelPublisher<ChatServerMessage> publisher = a.server.publisher(ChatRoute.create());
      publisher.broadcast(new NoticeMessage("heard"), room);
      assertEquals("heard", notice(read(bob.next())));
      // Appended and published where no node listens: as a publication lost between Redis and node A.
      String group = "chat/" + room;
      byte[][] args = {"{\"action\":\"notice\",\"payload\":\"lost\"".getBytes(StandardCharsets.UTF_8), new byte[0],
          "unused".getBytes(StandardCharsets.UTF_8), "60000".getBytes(StandardCharsets.UTF_8),
          "n:test".getBytes(StandardCharsets.UTF_8), "1".getBytes(StandardCharsets.UTF_8),
          ("\"" + room + "\"").getBytes(StandardCharsets.UTF_8), "nobody-listens".getBytes(StandardCharsets.UTF_8),
          GroupMessage.prefix("", 0, "", "", List.of()), "1000".getBytes(StandardCharsets.UTF_8),
          "120000".getBytes(StandardCharsets.UTF_8)};
      redis.sync().eval(HistoryScripts.APPEND, ScriptOutputType.VALUE,
          new String[] {names.meta(group), names.history(group)}, args);
      long started = System.nanoTime();
      String repaired = bob.next();
      long millis = TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - started);
      assertEquals("lost", notice(read(repaired)));
      assertEquals(2, read(repaired).path("pos").path(room).path("offset").asLong());
      org.junit.jupiter.api.Assertions.assertTrue(millis < 5000, "repaired after " + millis + " ms");
      publisher.broadcast(new NoticeMessage("after"), room);
      JsonNode after = read(bob.next());
      assertEquals("after", notice(after));
      assertEquals(3, after.path("pos").path(room).path("offset").asLong());
    } finally {
      client.shutdown();
    }
  }

  @Test
  void sendsWhileRedisIsDownArriveInOrderOnceItIsBack() throws Exception {
    assumeTrue(RedisProcess.onPath(), "no redis-server on PATH: this test kills and restarts a Redis of its own");
    String namespace = RedisForTests.freshNamespace();
    String room = "r" + System.nanoTime();
    try (RedisProcess redis = RedisProcess.startPersistent();
        ChatNode a = ChatNode.recoverable(redis.uri(), namespace, 1000);
        ChatNode b = ChatNode.recoverable(redis.uri(), namespace, 1000);
        TestClient bob = connect(b, room, null);
        TestClient carol = connect(a, room, null)) {
      read(bob.next());
      read(carol.next());
      b.awaitSubscribed(room);
      a.awaitSubscribed(room);
      ChannelPublisher<ChatServerMessage> fromA = a.server.publisher(ChatRoute.create());
      fromA.broadcast(new NoticeMessage("0"), room);
      assertEquals("0", notice(read(bob.next())));
      assertEquals("0", notice(read(carol.next())));

      redis.kill();
      for (int n = 1; n <= 50; n++) {
        fromA.broadcast(new NoticeMessage(Integer.toString(n)), room);
      }
      Thread.sleep(500);
      redis.launch();
      for (int n = 51; n <= 60; n++) {
        fromA.broadcast(new NoticeMessage(Integer.toString(n)), room);
      }
      for (TestClient client : List.of(bob, carol)) {
        List<String> got = new ArrayList<>();
        for (int n = 1; n <= 60; n++) {
          got.add(notice(read(client.next())));
        }
        List<String> expected = new ArrayList<>();
        for (int n = 1; n <= 60; n++) {
          expected.add(Integer.toString(n));
        }
        assertEquals(expected, got);
        client.assertNothingWithin(Duration.ofMillis(300));
      }
    }
  }
}
