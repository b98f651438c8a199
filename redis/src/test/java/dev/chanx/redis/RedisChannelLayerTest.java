package dev.chanx.redis;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.chanx.core.codec.TextFrame;
import dev.chanx.server.testing.Poll;
import io.lettuce.core.RedisClient;
import io.lettuce.core.api.StatefulRedisConnection;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/** Two layers on the shared Redis, each standing for a node, without servers or sockets. */
@Timeout(value = 60, unit = TimeUnit.SECONDS)
class RedisChannelLayerTest {

  private final String namespace = RedisForTests.freshNamespace();
  private final RecordingDelivery x = new RecordingDelivery("nodex");
  private final RecordingDelivery y = new RecordingDelivery("nodey");
  private final RedisChannelLayer onX = RedisChannelLayer.create(RedisForTests.uri()).namespace(namespace);
  private final RedisChannelLayer onY = RedisChannelLayer.create(RedisForTests.uri()).namespace(namespace);

  @BeforeEach
  void start() {
    onX.start(x);
    onY.start(y);
  }

  @AfterEach
  void stop() {
    onX.stop();
    onY.stop();
  }

  private static TextFrame frame(String text) {
    return TextFrame.of("{\"action\":\"notice\",\"payload\":\"" + text + "\"}");
  }

  private void awaitSubscribed(RedisChannelLayer layer, String... groups) throws InterruptedException {
    Poll.until(Duration.ofSeconds(5), "subscribed to " + List.of(groups),
        () -> layer.subscribedGroups().containsAll(List.of(groups)));
  }

  @Test
  void hostileGroupNamesReachOnlyTheirOwnGroup() throws Exception {
    List<String> names = RedisNamesTest.HOSTILE;
    for (int i = 0; i < names.size(); i++) {
      onX.groupAdd("chat/" + names.get(i), "nodex." + i);
    }
    awaitSubscribed(onX, names.stream().map(n -> "chat/" + n).toArray(String[]::new));
    List<String> expected = new ArrayList<>();
    List<String> got = new ArrayList<>();
    for (int i = 0; i < names.size(); i++) {
      onY.groupSend(List.of("chat/" + names.get(i)), frame("to " + i), null);
      expected.add("nodex." + i + " " + frame("to " + i).text());
    }
    for (int i = 0; i < names.size(); i++) {
      got.add(x.next());
    }
    // Redis keeps the order of one publisher, so a leak would show before this last frame.
    onY.groupSend(List.of("chat/a"), frame("last"), null);
    assertEquals("nodex.0 " + frame("last").text(), x.next());
    assertEquals(expected, got);
  }

  @Test
  void aSendTheMomentAJoinCompletesReachesTheNewMember() throws Exception {
    // Each group is new to node X; node Y sends to it as soon as X's join says it is in effect.
    // Without the wait, most of these sends beat X's SUBSCRIBE to Redis and are lost.
    int count = 200;
    List<String> expected = new ArrayList<>();
    for (int i = 0; i < count; i++) {
      onX.groupAdd("fresh/" + i, "nodex.1").get(5, TimeUnit.SECONDS);
      onY.groupSend(List.of("fresh/" + i), frame("to " + i), null);
      expected.add("nodex.1 " + frame("to " + i).text());
    }
    List<String> got = new ArrayList<>();
    for (int i = 0; i < count; i++) {
      got.add(x.next());
    }
    assertEquals(expected, got);
  }

  @Test
  void aSecondMemberWaitsForTheSubscribeTheFirstStarted() throws Exception {
    onX.groupAdd("g/pair", "nodex.1");
    onX.groupAdd("g/pair", "nodex.2").get(5, TimeUnit.SECONDS);
    onY.groupSend(List.of("g/pair"), frame("both"), null);
    assertEquals(Set.of("nodex.1 " + frame("both").text(), "nodex.2 " + frame("both").text()), Set.of(x.next(), x.next()));
    // Already subscribed: a third member has nothing to wait for.
    assertTrue(onX.groupAdd("g/pair", "nodex.3").isDone());
  }

  @Test
  void aMemberOfSeveralGroupsOnAnotherNodeGetsASendToThemOnce() throws Exception {
    onX.groupAdd("g/1", "nodex.1");
    onX.groupAdd("g/2", "nodex.1");
    onX.groupAdd("g/2", "nodex.2");
    onY.groupAdd("g/2", "nodey.1");
    awaitSubscribed(onX, "g/1", "g/2");
    onY.groupSend(List.of("g/1", "g/2", "g/1"), frame("both"), null);
    assertEquals(Set.of("nodex.1 " + frame("both").text(), "nodex.2 " + frame("both").text()),
        Set.of(x.next(), x.next()));
    assertEquals("nodey.1 " + frame("both").text(), y.next());
    onY.groupSend(List.of("g/2"), frame("fence"), null);
    assertEquals(Set.of("nodex.1 " + frame("fence").text(), "nodex.2 " + frame("fence").text()),
        Set.of(x.next(), x.next()));
  }

  @Test
  void excludeLeavesOutOneConnectionOnWhicheverNodeItIs() throws Exception {
    onX.groupAdd("g/room", "nodex.1");
    onX.groupAdd("g/room", "nodex.2");
    onY.groupAdd("g/room", "nodey.1");
    awaitSubscribed(onX, "g/room");
    onY.groupSend(List.of("g/room"), frame("hi"), "nodex.1");
    assertEquals("nodex.2 " + frame("hi").text(), x.next());
    assertEquals("nodey.1 " + frame("hi").text(), y.next());
    onY.groupSend(List.of("g/room"), frame("fence"), "nodey.1");
    assertEquals(Set.of("nodex.1 " + frame("fence").text(), "nodex.2 " + frame("fence").text()),
        Set.of(x.next(), x.next()));
  }

  @Test
  void aDirectSendReachesAConnectionOnAnotherNodeThatIsInNoGroup() throws Exception {
    onY.send("nodex.42", frame("just you"));
    assertEquals("nodex.42 " + frame("just you").text(), x.next());
    onY.send("nodey.7", frame("local"));
    assertEquals("nodey.7 " + frame("local").text(), y.next());
  }

  @Test
  void theLastMemberLeavingEndsTheSubscription() throws Exception {
    onX.groupAdd("g/short", "nodex.1");
    onX.groupAdd("g/short", "nodex.2");
    awaitSubscribed(onX, "g/short");
    onX.groupDiscard("g/short", "nodex.1");
    assertTrue(onX.subscribedGroups().contains("g/short"));
    onX.groupDiscard("g/short", "nodex.2");
    Poll.until(Duration.ofSeconds(5), "unsubscribed", () -> !onX.subscribedGroups().contains("g/short"));
    String channel = new RedisNames(namespace).group("g/short");
    try (RedisAdmin redis = new RedisAdmin(RedisForTests.uri())) {
      assertEquals(0, redis.subscribers(channel));
    }
  }

  @Test
  void aLayerOnAGivenClientWorksAndLeavesTheClientOpen() throws Exception {
    RedisClient client = RedisClient.create(RedisForTests.uri());
    try {
      RecordingDelivery z = new RecordingDelivery("nodez");
      RedisChannelLayer onZ = RedisChannelLayer.create(client).namespace(namespace);
      onZ.start(z);
      onZ.groupAdd("g/given", "nodez.1");
      awaitSubscribed(onZ, "g/given");
      onY.groupSend(List.of("g/given"), frame("hello z"), null);
      assertEquals("nodez.1 " + frame("hello z").text(), z.next());
      onZ.stop();
      try (StatefulRedisConnection<String, String> connection = client.connect()) {
        assertEquals("PONG", connection.sync().ping());
      }
    } finally {
      client.shutdown();
    }
  }

  @Test
  void aLayerStartsOnceAndNeedsANamedNode() {
    assertThrows(IllegalStateException.class, () -> onX.start(x));
    RedisChannelLayer unnamed = RedisChannelLayer.create(RedisForTests.uri());
    assertThrows(IllegalArgumentException.class, () -> unnamed.start((id, frame) -> true));
  }
}
