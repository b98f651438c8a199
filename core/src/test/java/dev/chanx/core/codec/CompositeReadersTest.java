package dev.chanx.core.codec;

import static dev.chanx.core.codec.Frames.error;
import static dev.chanx.core.codec.Frames.errors;
import static dev.chanx.core.codec.Frames.json;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.Arrays;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class CompositeReadersTest {

  enum Colour {
    RED("red"), DARK_BLUE("dark blue");

    private final String wire;

    Colour(String wire) {
      this.wire = wire;
    }

    String wire() {
      return wire;
    }
  }

  @Test
  void listsReportEachElementByIndexThenTheirLength() {
    ListReader<Long> rule = Read.listOf(Read::int64).minItems(2);

    assertEquals(List.of(error("int_type", "Input should be a valid integer", "m", 1)), errors(rule, json("[1,\"x\"]")));
    assertEquals(List.of(error("too_short", "List should have at least 2 items after validation, not 1", "m")),
        errors(rule, json("[1]")));
    assertEquals(List.of(error("list_type", "Input should be a valid list", "m")), errors(rule, json("{}")));
    assertEquals(List.of(error("too_long", "List should have at most 1 item after validation, not 2", "m")),
        errors(Read.listOf(Read::int64).maxItems(1), json("[1,2]")));
  }

  @Test
  void nullableElementsStayNull() {
    assertEquals(Arrays.asList("a", null),
        Read.listOf(Read.orNull(Read::string)).read(json("[\"a\",null]"), Loc.root(), new Problems()));
  }

  @Test
  void mapsKeepTheObjectsOrder() {
    Map<String, Long> map = Read.mapOf(Read::int64).read(json("{\"b\":1,\"a\":2}"), Loc.root(), new Problems());

    assertEquals(List.of("b", "a"), List.copyOf(map.keySet()));
    assertEquals(List.of(error("int_type", "Input should be a valid integer", "m", "a")),
        errors(Read.mapOf(Read::int64), json("{\"b\":1,\"a\":\"x\"}")));
  }

  @Test
  void enumsByWireValue() {
    ValueReader<Colour> colours = Read.enumOf(Colour.values(), Colour::wire);

    assertEquals(Colour.DARK_BLUE, colours.read(json("\"dark blue\""), Loc.root(), new Problems()));
    assertEquals(List.of(error("enum", "Input should be 'red' or 'dark blue'", "m")), errors(colours, json("\"RED\"")));
    assertEquals(List.of(error("enum", "Input should be 'red' or 'dark blue'", "m")), errors(colours, json("1")));
  }
}
