package dev.chanx.redis;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.chanx.core.codec.TextFrame;
import dev.chanx.server.layer.History;
import dev.chanx.server.layer.HistoryGroup;
import dev.chanx.server.layer.HistoryRead;
import dev.chanx.server.layer.LocalDelivery;
import dev.chanx.server.layer.Position;
import dev.chanx.server.testing.Poll;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * The Redis layer's history read for a recovering client, on a real Redis: the frames after a
 * position, as sent and with their offsets; only the newest {@code size}; none older than the window.
 */
@ExtendWith(RedisForTests.Needed.class)
@Timeout(30)
class RedisHistoryReadTest {

  private final String namespace = RedisForTests.freshNamespace();
  private final RedisChannelLayer layer = RedisChannelLayer.create(RedisForTests.uri()).namespace(namespace);

  RedisHistoryReadTest() {
    layer.start(new LocalDelivery() {
      @Override
      public boolean deliver(String connectionId, TextFrame frame) {
        return false;
      }

      @Override
      public String nodeId() {
        return "read-test";
      }
    });
  }

  @AfterEach
  void stop() {
    layer.stop();
  }

  private static TextFrame line(int i) {
    return TextFrame.of("{\"action\":\"line\",\"payload\":{\"n\":" + i + ",\"text\":\"é\\\"\"}}");
  }

  /** Sends frames {@code from} to {@code to} and waits until Redis has them (reads have a connection of their own). */
  private void send(HistoryGroup group, int from, int to) throws InterruptedException {
    for (int i = from; i <= to; i++) {
      layer.historySend(List.of(group), line(i), null, null);
    }
    Poll.until(Duration.ofSeconds(10), "the group's head reaches " + to,
        () -> layer.history(group, null).join().head() >= to);
  }

  /** The offsets and the numbers of the frames read, checked to be the frames sent with their pos. */
  private static List<String> read(HistoryRead read, HistoryGroup group) {
    List<String> got = new ArrayList<>();
    for (HistoryRead.Entry entry : read.frames()) {
      String text = entry.frame().text();
      assertEquals(",\"pos\":{\"" + group.name() + "\":{\"epoch\":\"" + read.epoch() + "\",\"offset\":" + entry.offset()
          + "}}}", text.substring(text.indexOf(",\"pos\"")), text);
      got.add(entry.offset() + ":" + text.substring(text.indexOf("\"n\":") + 4, text.indexOf(",\"text\"")));
    }
    return got;
  }

  @Test
  void theFramesAfterAPositionComeAsSentWithTheirOffsets() throws Exception {
    HistoryGroup group = new HistoryGroup("chat/r1", "r1", new History(Duration.ofMinutes(2), 100));
    String epoch = layer.history(group, null).join().epoch();
    send(group, 1, 5);
    HistoryRead read = layer.history(group, new Position(epoch, 2)).join();
    assertEquals(5, read.head());
    assertEquals(List.of("3:3", "4:4", "5:5"), read(read, group));
    assertEquals(List.of(), layer.history(group, new Position(epoch, 5)).join().frames());
    assertEquals(List.of(), layer.history(group, new Position("other", 2)).join().frames());
  }

  @Test
  void onlyTheNewestSizeFramesAreKept() throws Exception {
    HistoryGroup group = new HistoryGroup("chat/r2", "r2", new History(Duration.ofMinutes(2), 20));
    String epoch = layer.history(group, null).join().epoch();
    send(group, 1, 30);
    List<String> got = read(layer.history(group, new Position(epoch, 0)).join(), group);
    // MAXLEN without ~ trims exactly: offsets 11 to 30.
    assertEquals(20, got.size(), got.toString());
    assertEquals("11:11", got.get(0));
    assertEquals("30:30", got.get(19));
  }

  @Test
  void framesOlderThanTheWindowAreNotRead() throws Exception {
    HistoryGroup group = new HistoryGroup("chat/r3", "r3", new History(Duration.ofMillis(1500), 100));
    String epoch = layer.history(group, null).join().epoch();
    send(group, 1, 3);
    Thread.sleep(1000);
    send(group, 4, 5);
    Thread.sleep(700);
    // Frames 1 to 3 are past the window, though the stream (touched by 4 and 5) still holds them.
    assertEquals(List.of("4:4", "5:5"), read(layer.history(group, new Position(epoch, 0)).join(), group));
  }

  @Test
  void anEntryPastTheHeadIsLeftOut() throws Exception {
    HistoryGroup group = new HistoryGroup("chat/r4", "r4", new History(Duration.ofMinutes(2), 100));
    String epoch = layer.history(group, null).join().epoch();
    send(group, 1, 5);
    // An append whose entry is in the stream but whose offset the head does not count yet: the
    // read's plain commands can see this between reading the head and the range. Left out, the
    // client stands at the head and gets frame 6 live, never twice.
    try (RedisAdmin admin = new RedisAdmin(RedisForTests.uri())) {
      admin.xadd(new RedisNames(namespace).history(group.key()), "6-" + System.currentTimeMillis(),
          java.util.Map.of("f", line(6).text()));
    }
    HistoryRead read = layer.history(group, new Position(epoch, 2)).join();
    assertEquals(5, read.head());
    assertEquals(List.of("3:3", "4:4", "5:5"), read(read, group));
  }

  @Test
  void aGroupWithoutEpochGetsOneThatItsSendsKeep() throws Exception {
    HistoryGroup group = new HistoryGroup("chat/r5", "r5", new History(Duration.ofMinutes(2), 100));
    HistoryRead first = layer.history(group, new Position("gone", 3)).join();
    assertEquals(0, first.head());
    assertEquals(List.of(), first.frames());
    send(group, 1, 2);
    HistoryRead read = layer.history(group, new Position(first.epoch(), 0)).join();
    assertEquals(first.epoch(), read.epoch());
    assertEquals(List.of("1:1", "2:2"), read(read, group));
  }

  @Test
  void anEntryIsItsOffsetAndRedisTimeInItsIdAndTheFrameAlone() throws Exception {
    HistoryGroup group = new HistoryGroup("chat/r6", "r6", new History(Duration.ofMinutes(2), 100));
    layer.history(group, null).join();
    long before = System.currentTimeMillis();
    send(group, 1, 2);
    try (RedisAdmin admin = new RedisAdmin(RedisForTests.uri())) {
      List<io.lettuce.core.StreamMessage<String, String>> entries =
          admin.xrange(new RedisNames(namespace).history(group.key()));
      assertEquals(2, entries.size());
      for (int i = 0; i < 2; i++) {
        String[] id = entries.get(i).getId().split("-");
        assertEquals(Integer.toString(i + 1), id[0]);
        // Redis's clock, not this one: a minute either side.
        long time = Long.parseLong(id[1]);
        org.junit.jupiter.api.Assertions.assertTrue(Math.abs(time - before) < 60_000, "time " + time);
        assertEquals(java.util.Set.of("f"), entries.get(i).getBody().keySet());
      }
    }
  }
}
