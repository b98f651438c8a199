package dev.chanx.core.codec;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonParser;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * Every stream reader against the tree reader it stands for, over values chosen to sit on the
 * edges (zero and negative zero, the int and long limits, doubles past 2^53 and past the double
 * range, fractions, wrong types, bounds and their neighbours): where the stream reader returns a
 * value, the tree reader accepts the same JSON and builds an equal value; where the tree reader
 * refuses it, the stream reader gives up. The plain values must also be taken on the quick path.
 */
class StreamReadersTest {

  private static final JsonFactory PARSERS = new JsonFactory();

  private static final List<String> VALUES = List.of(
      "0", "-0", "0.0", "-0.0", "1", "-1", "1.0", "1.5", "-2.5", "10", "11", "9.999", "10.0", "10.5",
      "2147483647", "2147483648", "-2147483648", "-2147483649", "9007199254740992", "9007199254740993",
      "9223372036854775807", "9223372036854775808", "-9223372036854775809", "1e308", "1e400", "-1e400",
      "1E2", "0.1", "0.30000000000000004", "123456789012345678901234567890",
      "\"\"", "\"a\"", "\"abc\"", "\"abcdef\"", "\"\\ud83d\\ude00\"", "\"red\"", "\"Red\"", "\"1\"",
      "\"2024-02-29\"", "\"2024-02-30\"", "\"2024-02-29T10:00:00Z\"", "\"2024-02-29T10:00:00\"",
      "\"123e4567-e89b-12d3-a456-426614174000\"", "\"123e4567-e89b-12d3-a456-42661417400\"",
      "true", "false", "null", "[]", "[1]", "[1,2]", "[1,2,3]", "[1,null]", "[\"a\",1]", "[[1]]",
      "{}", "{\"a\":1}", "{\"a\":1,\"b\":2}", "{\"a\":1,\"a\":2}", "{\"a\":null}", "{\"a\":\"x\"}");

  enum Colour {
    RED("red"), GREEN("green");

    private final String wire;

    Colour(String wire) {
      this.wire = wire;
    }
  }

  @Test
  void plainValuesAgreeWithTheirTreeReaders() throws IOException {
    agree("string", Read::string, Tokens::string);
    agree("int32", Read::int32, Tokens::int32);
    agree("int64", Read::int64, Tokens::int64);
    agree("float64", Read::float64, Tokens::float64);
    agree("decimal", Read::decimal, Tokens::decimal);
    agree("bool", Read::bool, Tokens::bool);
    agree("uuid", Read::uuid, Tokens::uuid);
    agree("dateTime", Read::dateTime, Tokens::dateTime);
    agree("date", Read::date, Tokens::date);
    agree("none", Read::none, Tokens::none);
    agree("any", Read::any, Tokens::any);
  }

  @Test
  void rulesAgreeWithThemselvesOnTheTree() throws IOException {
    StringRule text = StringRule.create().minLength(1).maxLength(3).pattern("^[a-z]+$");
    agree("string rule", text, text);
    StringRule emoji = StringRule.create().maxLength(1);
    agree("code points", emoji, emoji);
    for (NumberRule<?> rule : List.of(NumberRule.int32().minimum("0").maximum("10"),
        NumberRule.int64().exclusiveMinimum("-1").exclusiveMaximum("10"), NumberRule.int64().maximum("9007199254740992"),
        NumberRule.float64().minimum("-2.5").exclusiveMaximum("10"), NumberRule.float64().multipleOf("0.5"),
        NumberRule.decimal().minimum("0.1"), NumberRule.int32().oneOf("1", "10"))) {
      agreeOnItself("number rule", rule);
    }
    EnumReader<Colour> colours = Read.enumOf(Colour.values(), c -> c.wire);
    agree("enum", colours, colours);
  }

  @Test
  void compositesAgreeWithThemselvesOnTheTree() throws IOException {
    ListReader<Long> list = Read.listOf(Read::int64).minItems(1).maxItems(2).streaming(Tokens::int64);
    agree("list", list, list);
    ListReader<Long> nullable = Read.listOf(Read.orNull(Read::int64)).streaming(Tokens.orNull(Tokens::int64));
    agree("list of nullable", nullable, nullable);
    ListReader<List<Long>> nested = Read.listOf(Read.listOf(Read::int64)).streaming(Read.listOf(Read::int64));
    agree("list of lists read through the tree", nested, nested);
    MapReader<Long> map = Read.mapOf(Read::int64).streaming(Tokens::int64);
    agree("map", map, map);
    MapReader<Long> unstreamed = Read.mapOf(Read::int64);
    agree("map read through the tree", unstreamed, unstreamed);
  }

  @Test
  void plainValuesTakeTheQuickPath() throws IOException {
    assertEquals("abc", stream("\"abc\"", Tokens::string));
    assertEquals(2147483647, stream("2147483647", Tokens::int32));
    assertEquals(-9223372036854775807L - 1, stream("-9223372036854775808", Tokens::int64));
    assertEquals(-2.5, stream("-2.5", Tokens::float64));
    assertEquals(Boolean.TRUE, stream("true", Tokens::bool));
    assertEquals(List.of(1L, 2L), stream("[1,2]", Read.listOf(Read::int64).streaming(Tokens::int64)));
    assertEquals(Map.of("a", 1L), stream("{\"a\":1}", Read.mapOf(Read::int64).streaming(Tokens::int64)));
    assertEquals(3, stream("3", NumberRule.int32().minimum("0").maximum("10")));
  }

  private static <T> void agree(String what, ValueReader<T> tree, StreamReader<T> stream) throws IOException {
    List<String> quick = new ArrayList<>();
    for (String value : VALUES) {
      Problems problems = new Problems();
      T expected = tree.read(Frames.json(value), Loc.root(), problems);
      T actual;
      try {
        actual = stream(value, stream);
      } catch (StreamMiss | IOException miss) {
        continue; // a duplicate key read into a tree fails the parse: the frame takes the tree path too
      }
      quick.add(value);
      assertTrue(problems.isEmpty(), () -> what + ": the quick path took " + value + ", which the tree refuses: "
          + problems.errors());
      assertEquals(expected, actual, () -> what + ": " + value);
    }
    assertTrue(!quick.isEmpty(), what + ": no value took the quick path");
  }

  private static <T> void agreeOnItself(String what, NumberRule<T> rule) throws IOException {
    agree(what, rule, rule);
  }

  private static <T> T stream(String value, StreamReader<T> reader) throws IOException {
    try (JsonParser json = PARSERS.createParser(value)) {
      json.nextToken();
      T read = reader.read(json);
      assertEquals(null, json.nextToken(), "the reader left tokens unread in " + value);
      return read;
    }
  }
}
