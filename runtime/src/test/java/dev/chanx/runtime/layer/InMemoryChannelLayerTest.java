package dev.chanx.runtime.layer;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;
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
}
