package dev.chanx.core.codec;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

class PathParametersTest {

  @Test
  void convertsOrNamesTheParameterThatDoesNotFit() {
    Map<String, String> raw = Map.of("room", "lobby", "n", "42", "unit", "SECONDS", "bad", "4x");

    assertEquals("lobby", PathParameters.string(raw, "room"));
    assertEquals(42, PathParameters.int32(raw, "n"));
    assertEquals(42L, PathParameters.int64(raw, "n"));
    assertEquals(TimeUnit.SECONDS, PathParameters.oneOf(raw, "unit", TimeUnit.values(), TimeUnit::name));
    assertEquals("path parameter 'bad' must be an integer, not '4x'",
        assertThrows(IllegalArgumentException.class, () -> PathParameters.int64(raw, "bad")).getMessage());
    assertEquals("path parameter 'gone' is missing",
        assertThrows(IllegalArgumentException.class, () -> PathParameters.string(raw, "gone")).getMessage());
    assertEquals("path parameter 'room' must be one of 'NANOSECONDS', 'MICROSECONDS', 'MILLISECONDS',"
        + " 'SECONDS', 'MINUTES', 'HOURS', 'DAYS', not 'lobby'", assertThrows(IllegalArgumentException.class,
            () -> PathParameters.oneOf(raw, "room", TimeUnit.values(), TimeUnit::name)).getMessage());
  }
}
