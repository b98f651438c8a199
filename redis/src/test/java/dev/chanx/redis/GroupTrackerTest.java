package dev.chanx.redis;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.chanx.core.codec.TextFrame;
import dev.chanx.server.layer.FramePositions;
import dev.chanx.server.layer.Position;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** A node's view of one recoverable group: in order, repeats dropped, gaps repaired, epochs told. */
class GroupTrackerTest {

  private final List<String> delivered = new ArrayList<>();
  private final List<long[]> repairs = new ArrayList<>();
  private final GroupTracker tracker = new GroupTracker("room",
      message -> delivered.add(message.frame().text()), (t, from, to) -> repairs.add(new long[] {from, to}));

  private static TextFrame frame(String epoch, long offset) {
    return FramePositions.write(TextFrame.of("{\"n\":" + offset + "}"), List.of("room"),
        List.of(new Position(epoch, offset)));
  }

  private static GroupMessage message(String epoch, long offset) {
    return new GroupMessage("", "", List.of(), frame(epoch, offset));
  }

  private List<String> texts(String epoch, long... offsets) {
    List<String> texts = new ArrayList<>();
    for (long offset : offsets) {
      texts.add(frame(epoch, offset).text());
    }
    return texts;
  }

  @Test
  void framesInOrderPassAndRepeatsAreDropped() {
    tracker.received(message("e", 1));
    tracker.received(message("e", 2));
    tracker.received(message("e", 2));
    tracker.received(message("e", 1));
    assertEquals(texts("e", 1, 2), delivered);
  }

  @Test
  void aGapHoldsLaterFramesUntilItIsReadFromTheHistory() {
    tracker.received(message("e", 1));
    tracker.received(message("e", 4));
    tracker.received(message("e", 5));
    assertEquals(texts("e", 1), delivered);
    assertEquals(1, repairs.size());
    assertEquals(List.of(2L, 3L), List.of(repairs.get(0)[0], repairs.get(0)[1]));
    tracker.repaired(List.of(frame("e", 2), frame("e", 3)), true);
    assertEquals(texts("e", 1, 2, 3, 4, 5), delivered);
  }

  @Test
  void aHeadAheadOfWhatWasDeliveredIsRepaired() {
    tracker.seed(new Position("e", 7));
    tracker.head(new Position("e", 9));
    assertEquals(List.of(8L, 9L), List.of(repairs.get(0)[0], repairs.get(0)[1]));
    tracker.repaired(List.of(frame("e", 8), frame("e", 9)), true);
    assertEquals(texts("e", 8, 9), delivered);
  }

  @Test
  void aNewEpochIsToldBeforeItsFirstFrame() {
    tracker.received(message("e", 1));
    tracker.received(message("f", 1));
    assertEquals(List.of(frame("e", 1).text(),
        "{\"action\":\"recovery\",\"payload\":{\"room\":{\"status\":\"failed\",\"reason\":\"epoch_changed\","
            + "\"epoch\":\"f\",\"offset\":0}}}",
        frame("f", 1).text()), delivered);
  }
}
