package dev.chanx.server.layer;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;

import dev.chanx.core.codec.TextFrame;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The in-memory ring: offsets from 1, bounded by size, read after a position, epochs apart. */
class GroupHistoryTest {

  private static TextFrame frame(int n) {
    return TextFrame.of("{\"n\":" + n + "}");
  }

  private static List<Long> offsets(HistoryRead read) {
    return read.frames().stream().map(HistoryRead.Entry::offset).toList();
  }

  @Test
  void theRingKeepsItsSizeAndReadsWhatFollowsAPosition() {
    GroupHistory ring = new GroupHistory(new History(Duration.ofMinutes(2), 3));
    String epoch = ring.next().epoch();
    assertEquals(new Position(epoch, 1), ring.next());
    for (int n = 1; n <= 5; n++) {
      ring.lock.lock();
      ring.append(frame(n));
      ring.lock.unlock();
    }
    HistoryRead all = ring.read(new Position(epoch, 0));
    assertEquals(5, all.head());
    assertEquals(List.of(3L, 4L, 5L), offsets(all));
    assertEquals(List.of(5L), offsets(ring.read(new Position(epoch, 4))));
    assertEquals(List.of(), offsets(ring.read(new Position(epoch, 5))));
    assertEquals(List.of(), offsets(ring.read(new Position("other", 1))));
    assertEquals(List.of(), offsets(ring.read(null)));
  }

  @Test
  void twoRingsHaveTwoEpochs() {
    History history = new History(Duration.ofMinutes(2), 3);
    assertNotEquals(new GroupHistory(history).next().epoch(), new GroupHistory(history).next().epoch());
  }
}
