package dev.chanx.server.layer;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.chanx.core.codec.TextFrame;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class InMemoryChannelLayerTest {

  private final List<String> delivered = new ArrayList<>();
  private final InMemoryChannelLayer layer = new InMemoryChannelLayer();
  private final TextFrame frame = TextFrame.of("{\"action\":\"x\",\"payload\":null}");

  @BeforeEach
  void start() {
    layer.start((id, f) -> delivered.add(id + " " + f.text()));
  }

  @Test
  void groupSendReachesMembersButTheExcludedOne() {
    layer.groupAdd("chat/room1", "a");
    layer.groupAdd("chat/room1", "b");
    layer.groupAdd("chat/room2", "c");
    layer.groupSend(List.of("chat/room1"), frame, "a");
    assertEquals(List.of("b " + frame.text()), delivered);
  }

  @Test
  void memberOfSeveralGroupsGetsAFrameOnce() {
    layer.groupAdd("g/1", "a");
    layer.groupAdd("g/2", "a");
    layer.groupAdd("g/2", "b");
    layer.groupSend(List.of("g/1", "g/2"), frame, null);
    assertEquals(Set.of("a " + frame.text(), "b " + frame.text()), Set.copyOf(delivered));
    assertEquals(2, delivered.size());
  }

  @Test
  void discardingTheLastMemberRemovesTheGroup() {
    layer.groupAdd("g/1", "a");
    layer.groupDiscard("g/1", "a");
    layer.groupDiscard("g/1", "a");
    assertEquals(Set.of(), layer.members("g/1"));
    layer.groupSend(List.of("g/1"), frame, null);
    assertEquals(List.of(), delivered);
  }

  @Test
  void sendReachesOneConnection() {
    layer.send("z", frame);
    assertEquals(List.of("z " + frame.text()), delivered);
  }

  @Test
  void groupSendExcludesAcrossSeveralGroups() {
    layer.groupAdd("g/1", "a");
    layer.groupAdd("g/2", "a");
    layer.groupAdd("g/2", "b");
    layer.groupSend(List.of("g/1", "g/2"), frame, "a");
    assertEquals(List.of("b " + frame.text()), delivered);
  }

  @Test
  void membersJoiningAndLeavingBetweenSendsAreSeenByTheNextSend() {
    layer.groupAdd("g/1", "a");
    layer.groupSend(List.of("g/1"), frame, null);
    layer.groupAdd("g/1", "b");
    layer.groupSend(List.of("g/1"), frame, null);
    layer.groupDiscard("g/1", "a");
    layer.groupSend(List.of("g/1"), frame, null);
    assertEquals(List.of("a", "a", "b", "b"), delivered.stream().map(line -> line.split(" ")[0]).sorted().toList());
    assertEquals(Set.of("b"), layer.members("g/1"));
  }

  @Test
  void recipientsTheDeliveryHandsOverAreSentToDirectlyUntilTheyRefuse() {
    Map<String, Recipient> open = Map.of("a", new Recipient("a"), "b", new Recipient("b"));
    layer.start(new LocalDelivery() {
      @Override
      public boolean deliver(String connectionId, TextFrame f) {
        delivered.add(connectionId + " by id");
        return false;
      }

      @Override
      public LocalRecipient recipient(String connectionId) {
        return open.get(connectionId);
      }
    });
    layer.groupAdd("g/1", "a");
    layer.groupAdd("g/1", "b");
    layer.groupAdd("g/1", "c");
    layer.groupSend(List.of("g/1"), frame, null);
    open.get("b").open = false;
    layer.groupSend(List.of("g/1"), frame, "a");
    assertEquals(1, open.get("a").frames.size());
    assertEquals(1, open.get("b").frames.size());
    // Not open when it joined: found by id at each send.
    assertEquals(List.of("c by id", "c by id"), delivered);
  }

  @Test
  void aMemberThatStaysGetsEverySendWhileOthersJoinAndLeave() throws Exception {
    ConcurrentHashMap<String, AtomicInteger> counts = new ConcurrentHashMap<>();
    layer.start((id, f) -> counts.computeIfAbsent(id, key -> new AtomicInteger()).incrementAndGet() > 0);
    layer.groupAdd("g/1", "stays");
    AtomicBoolean sending = new AtomicBoolean(true);
    List<Thread> churn = new ArrayList<>();
    for (int t = 0; t < 3; t++) {
      String id = "comes-and-goes-" + t;
      churn.add(new Thread(() -> {
        while (sending.get()) {
          layer.groupAdd("g/1", id);
          layer.groupDiscard("g/1", id);
        }
      }));
    }
    churn.forEach(Thread::start);
    int sends = 50_000;
    for (int i = 0; i < sends; i++) {
      layer.groupSend(List.of("g/1"), frame, null);
    }
    sending.set(false);
    for (Thread thread : churn) {
      thread.join();
    }
    assertEquals(sends, counts.get("stays").get());
    assertEquals(Set.of("stays"), layer.members("g/1"));
  }

  /** A connection as a delivery may hand it over; it refuses frames once closed. */
  private static final class Recipient implements LocalRecipient {

    private final String id;
    private final List<TextFrame> frames = new ArrayList<>();
    private boolean open = true;

    Recipient(String id) {
      this.id = id;
    }

    @Override
    public String id() {
      return id;
    }

    @Override
    public boolean receive(TextFrame f) {
      if (open) {
        frames.add(f);
      }
      return open;
    }
  }
}
