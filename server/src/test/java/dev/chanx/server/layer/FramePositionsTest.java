package dev.chanx.server.layer;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertSame;

import dev.chanx.core.codec.TextFrame;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The pos key: written as the frame's last key, escaped, read back from the frame's end. */
class FramePositionsTest {

  private static final TextFrame FRAME = TextFrame.of("{\"action\":\"a\",\"payload\":{\"text\":\",\\\"pos\\\":{\"}}");

  @Test
  void positionsAreAppendedAsTheLastKeyAndReadBack() {
    TextFrame positioned = FramePositions.write(FRAME, List.of("room1", "ro\"om 2"),
        List.of(new Position("k3x9qa", 17), new Position("zz", 1)));
    assertEquals("{\"action\":\"a\",\"payload\":{\"text\":\",\\\"pos\\\":{\"},\"pos\":{\"room1\":{\"epoch\":\"k3x9qa\","
        + "\"offset\":17},\"ro\\\"om 2\":{\"epoch\":\"zz\",\"offset\":1}}}", positioned.text());
    assertEquals(Map.of("room1", new Position("k3x9qa", 17), "ro\"om 2", new Position("zz", 1)),
        FramePositions.of(positioned));
    assertSame(FramePositions.of(positioned), FramePositions.of(positioned));
    assertEquals(new Position("zz", 1), FramePositions.of(positioned, "ro\"om 2"));
  }

  @Test
  void theOneGroupWriterMakesTheSameBytes() {
    for (long offset : new long[] {0, 1, 9, 10, 99, 100, 12_345_678_901L, Long.MAX_VALUE}) {
      for (String name : List.of("room1", "ro\"om 2", "é")) {
        assertEquals(FramePositions.write(FRAME, List.of(name), List.of(new Position("k3x9qa", offset))).text(),
            FramePositions.write(FRAME, FramePositions.tail(name, "k3x9qa"), offset).text(), name + " " + offset);
      }
    }
  }

  @Test
  void aFrameWithoutPositionsOrNotAnObjectHasNone() {
    assertNull(FramePositions.of(FRAME));
    assertNull(FramePositions.of(TextFrame.of("[1]")));
    assertNull(FramePositions.of(TextFrame.of("{\"pos\":1}")));
    assertNull(FramePositions.of(TextFrame.of("{\"a\":1,\"pos\":{\"r\":{\"epoch\":\"\",\"offset\":1}}}")));
  }
}
