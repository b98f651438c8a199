package dev.chanx.gen.codegen;

import static dev.chanx.gen.codegen.CompiledChannel.error;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.chanx.core.message.ValidationError;
import java.math.BigDecimal;
import java.nio.file.Path;
import java.time.OffsetDateTime;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * One test per validation rule the tutorial does not use, on the generated code of
 * {@code codegen/rules.yaml}: each invalid frame gives exactly Pydantic's error.
 */
class RulesBehaviourTest {

  @TempDir
  static Path workDir;

  static CompiledChannel rules;

  @BeforeAll
  static void generateAndCompile() {
    rules = CompiledChannel.of(Path.of("src/test/resources/codegen/rules.yaml"), "rules", "Rules", workDir);
  }

  static void assertErrors(String frame, ValidationError... expected) {
    assertEquals(Arrays.asList(expected), rules.errors(frame), frame);
  }

  static Object component(Object record, String name) {
    try {
      return record.getClass().getMethod(name).invoke(record);
    } catch (ReflectiveOperationException e) {
      throw new IllegalStateException(e);
    }
  }

  @Nested
  class Strings {
    @Test
    void minLength() {
      assertErrors("{\"action\":\"strings\",\"name\":\"ab\"}",
          error("string_too_short", List.of("strings", "name"), "String should have at least 3 characters"));
    }

    @Test
    void maxLength() {
      assertErrors("{\"action\":\"strings\",\"name\":\"abcdef\"}",
          error("string_too_long", List.of("strings", "name"), "String should have at most 5 characters"));
    }

    @Test
    void lengthCountsCodePointsNotChars() {
      rules.value("{\"action\":\"strings\",\"name\":\"abc\",\"emoji\":\"\uD83D\uDE00\uD83D\uDE00\"}");
      assertErrors("{\"action\":\"strings\",\"name\":\"abc\",\"emoji\":\"\uD83D\uDE00\uD83D\uDE00\uD83D\uDE00\"}",
          error("string_too_long", List.of("strings", "emoji"), "String should have at most 2 characters"));
    }

    @Test
    void pattern() {
      assertErrors("{\"action\":\"strings\",\"name\":\"ABC\"}",
          error("string_pattern_mismatch", List.of("strings", "name"), "String should match pattern '^[a-z]+$'"));
    }

    @Test
    void patternIsSearchedAnywhereAsJsonSchemaSays() {
      rules.value("{\"action\":\"strings\",\"name\":\"abc\",\"code\":\"ab12cd\"}");
      assertErrors("{\"action\":\"strings\",\"name\":\"abc\",\"code\":\"ab1\"}",
          error("string_pattern_mismatch", List.of("strings", "code"), "String should match pattern '[0-9]{2}'"));
    }

    @Test
    void onlyTheFirstFailedConstraintOfAValueIsReported() {
      assertErrors("{\"action\":\"strings\",\"name\":\"AB\"}",
          error("string_too_short", List.of("strings", "name"), "String should have at least 3 characters"));
    }

    @Test
    void type() {
      assertErrors("{\"action\":\"strings\",\"name\":5}",
          error("string_type", List.of("strings", "name"), "Input should be a valid string"));
    }

    @Test
    void required() {
      assertErrors("{\"action\":\"strings\"}", error("missing", List.of("strings", "name"), "Field required"));
    }

    @Test
    void constant() {
      assertErrors("{\"action\":\"strings\",\"name\":\"abc\",\"kind\":\"other\"}",
          error("literal_error", List.of("strings", "kind"), "Input should be 'fixed'"));
      rules.value("{\"action\":\"strings\",\"name\":\"abc\",\"kind\":\"fixed\"}");
    }
  }

  @Nested
  class Numbers {
    @Test
    void minimumAndMaximum() {
      assertErrors("{\"action\":\"numbers\",\"count\":0}",
          error("greater_than_equal", List.of("numbers", "count"), "Input should be greater than or equal to 1"));
      assertErrors("{\"action\":\"numbers\",\"count\":11}",
          error("less_than_equal", List.of("numbers", "count"), "Input should be less than or equal to 10"));
    }

    @Test
    void exclusiveBounds() {
      assertErrors("{\"action\":\"numbers\",\"ratio\":0}",
          error("greater_than", List.of("numbers", "ratio"), "Input should be greater than 0"));
      assertErrors("{\"action\":\"numbers\",\"ratio\":1.0}",
          error("less_than", List.of("numbers", "ratio"), "Input should be less than 1"));
      assertEquals(0.5, component(rules.value("{\"action\":\"numbers\",\"ratio\":0.5}"), "ratio"));
    }

    @Test
    void exclusiveDecimalBoundIsExactNotPlusOrMinusOne() {
      assertErrors("{\"action\":\"numbers\",\"price\":100.5}",
          error("less_than", List.of("numbers", "price"), "Input should be less than 100.5"));
      assertEquals(new BigDecimal("100.49"),
          component(rules.value("{\"action\":\"numbers\",\"price\":100.49}"), "price"));
    }

    @Test
    void decimalMinimum() {
      assertErrors("{\"action\":\"numbers\",\"temperature\":-273.16}", error("greater_than_equal",
          List.of("numbers", "temperature"), "Input should be greater than or equal to -273.15"));
      rules.value("{\"action\":\"numbers\",\"temperature\":-273.15}");
    }

    @Test
    void multipleOfIsExact() {
      assertErrors("{\"action\":\"numbers\",\"price\":0.015}",
          error("multiple_of", List.of("numbers", "price"), "Input should be a multiple of 0.01"));
      assertEquals(new BigDecimal("0.3"), component(rules.value("{\"action\":\"numbers\",\"price\":0.3}"), "price"));
    }

    @Test
    void integerType() {
      assertErrors("{\"action\":\"numbers\",\"count\":\"3\"}",
          error("int_type", List.of("numbers", "count"), "Input should be a valid integer"));
      assertErrors("{\"action\":\"numbers\",\"count\":2.5}", error("int_from_float", List.of("numbers", "count"),
          "Input should be a valid integer, got a number with a fractional part"));
      assertEquals(3L, component(rules.value("{\"action\":\"numbers\",\"count\":3.0}"), "count"));
    }

    @Test
    void integerThatDoesNotFitTheJavaTypeIsAnErrorNotAnOverflow() {
      assertErrors("{\"action\":\"numbers\",\"small\":2147483648}", error("less_than_equal",
          List.of("numbers", "small"), "Input should be less than or equal to 2147483647"));
      assertErrors("{\"action\":\"numbers\",\"small\":-2147483649}", error("greater_than_equal",
          List.of("numbers", "small"), "Input should be greater than or equal to -2147483648"));
      assertErrors("{\"action\":\"numbers\",\"big\":9223372036854775808}", error("less_than_equal",
          List.of("numbers", "big"), "Input should be less than or equal to 9223372036854775807"));
      assertEquals(Long.MAX_VALUE,
          component(rules.value("{\"action\":\"numbers\",\"big\":9223372036854775807}"), "big"));
    }

    @Test
    void integerEnum() {
      assertErrors("{\"action\":\"numbers\",\"level\":2}",
          error("enum", List.of("numbers", "level"), "Input should be 1, 5 or 15"));
      rules.value("{\"action\":\"numbers\",\"level\":5}");
    }

    @Test
    void numericConstant() {
      assertErrors("{\"action\":\"numbers\",\"version\":3}",
          error("literal_error", List.of("numbers", "version"), "Input should be 2"));
      assertEquals(2L, component(rules.value("{\"action\":\"numbers\",\"version\":2}"), "version"));
    }

    @Test
    void numberAndBooleanTypes() {
      assertErrors("{\"action\":\"numbers\",\"plain\":\"x\",\"flag\":\"yes\"}",
          error("float_type", List.of("numbers", "plain"), "Input should be a valid number"),
          error("bool_type", List.of("numbers", "flag"), "Input should be a valid boolean"));
    }

    @Test
    void everyFieldIsCheckedInSchemaOrder() {
      assertErrors("{\"action\":\"numbers\",\"flag\":1,\"count\":0,\"level\":7}",
          error("greater_than_equal", List.of("numbers", "count"), "Input should be greater than or equal to 1"),
          error("enum", List.of("numbers", "level"), "Input should be 1, 5 or 15"),
          error("bool_type", List.of("numbers", "flag"), "Input should be a valid boolean"));
    }
  }

  @Nested
  class Lists {
    @Test
    void minItemsAndMaxItems() {
      assertErrors("{\"action\":\"lists\",\"tags\":[]}", error("too_short", List.of("lists", "tags"),
          "List should have at least 1 item after validation, not 0"));
      assertErrors("{\"action\":\"lists\",\"tags\":[\"a\",\"b\",\"c\",\"d\"]}", error("too_long",
          List.of("lists", "tags"), "List should have at most 3 items after validation, not 4"));
    }

    @Test
    void listType() {
      assertErrors("{\"action\":\"lists\",\"tags\":\"a\"}",
          error("list_type", List.of("lists", "tags"), "Input should be a valid list"));
    }

    @Test
    void itemsAreLocatedByIndex() {
      assertErrors("{\"action\":\"lists\",\"tags\":[\"x\",\"\"],\"matrix\":[[1],[2,\"x\"]],\"points\":[{\"y\":1}]}",
          error("string_too_short", List.of("lists", "tags", 1), "String should have at least 1 character"),
          error("int_type", List.of("lists", "matrix", 1, 1), "Input should be a valid integer"),
          error("missing", List.of("lists", "points", 0, "x"), "Field required"));
    }

    @Test
    void mapsFromAdditionalProperties() {
      assertErrors("{\"action\":\"lists\",\"scores\":{\"a\":1,\"b\":\"x\"}}",
          error("int_type", List.of("lists", "scores", "b"), "Input should be a valid integer"));
      assertErrors("{\"action\":\"lists\",\"scores\":[]}",
          error("dict_type", List.of("lists", "scores"), "Input should be a valid dictionary"));
    }

    @Test
    void validListsRoundTrip() {
      String frame = "{\"action\":\"lists\",\"tags\":[\"a\"],\"matrix\":[[1,2],[]],\"scores\":{\"b\":2,\"a\":1},"
          + "\"maybe\":[\"a\",null],\"points\":[{\"x\":1}]}";
      Object lists = rules.value(frame);

      assertEquals(Arrays.asList("a", null), component(lists, "maybe"));
      assertEquals(List.of("b", "a"), List.copyOf(((Map<?, ?>) component(lists, "scores")).keySet()));
      assertEquals(frame, CompiledChannel.write(lists));
    }
  }

  @Nested
  class AdditionalProperties {
    @Test
    void extraKeysAreForbiddenButReservedTopLevelKeysAreNot() {
      assertErrors("{\"action\":\"closed\",\"note\":\"n\",\"extra\":1,\"ref\":\"r\",\"version\":1,\"topic\":\"t\",\"seq\":2}",
          error("extra_forbidden", List.of("closed", "extra"), "Extra inputs are not permitted"));
    }

    @Test
    void nestedExtraKeysAreForbiddenAfterFieldErrors() {
      assertErrors("{\"action\":\"closed\",\"ref\":1,\"inner\":{\"b\":1,\"a\":2}}",
          error("string_type", List.of("closed", "inner", "a"), "Input should be a valid string"),
          error("extra_forbidden", List.of("closed", "inner", "b"), "Extra inputs are not permitted"));
    }
  }

  @Nested
  class Formats {
    @Test
    void uuid() {
      assertErrors("{\"action\":\"formats\",\"id\":\"not-a-uuid\"}",
          error("uuid_parsing", List.of("formats", "id"), "Input should be a valid UUID"));
      assertEquals(UUID.fromString("6d0b4caf-95d3-410c-b85d-ce592e622aea"), component(
          rules.value("{\"action\":\"formats\",\"id\":\"6d0b4caf-95d3-410c-b85d-ce592e622aea\"}"), "id"));
    }

    @Test
    void dateTime() {
      assertErrors("{\"action\":\"formats\",\"at\":\"yesterday\"}",
          error("datetime_parsing", List.of("formats", "at"), "Input should be a valid datetime"));
      Object formats = rules.value("{\"action\":\"formats\",\"at\":\"2024-05-01T10:00:00+02:00\"}");
      assertEquals(OffsetDateTime.parse("2024-05-01T10:00:00+02:00"), component(formats, "at"));
    }

    @Test
    void date() {
      assertErrors("{\"action\":\"formats\",\"day\":\"2024-13-01\"}", error("date_parsing",
          List.of("formats", "day"), "Input should be a valid date in the format YYYY-MM-DD"));
    }

    @Test
    void stringEnum() {
      assertErrors("{\"action\":\"formats\",\"colour\":\"purple\"}",
          error("enum", List.of("formats", "colour"), "Input should be 'red', 'green' or 'blue'"));
      assertEquals("RED", component(rules.value("{\"action\":\"formats\",\"colour\":\"red\"}"), "colour").toString());
    }

    @Test
    void absentOptionalFieldsTakeTheirDefaults() {
      Object formats = rules.value("{\"action\":\"formats\",\"nick\":null}");

      assertEquals("GREEN", component(formats, "colour").toString());
      assertEquals("none", component(formats, "label"));
      assertEquals(10L, component(formats, "depth"));
      assertEquals("{\"action\":\"formats\",\"colour\":\"green\",\"label\":\"none\",\"depth\":10}",
          CompiledChannel.write(formats));
    }

    @Test
    void nullOnlyWhereTheSchemaAllowsIt() {
      assertErrors("{\"action\":\"formats\",\"nick\":5,\"label\":null}",
          error("string_type", List.of("formats", "label"), "Input should be a valid string"),
          error("string_type", List.of("formats", "nick"), "Input should be a valid string"));
    }

    @Test
    void untypedValuesAreKeptAsTheTree() {
      String frame = "{\"action\":\"formats\",\"at\":\"2024-05-01T10:00:00Z\",\"colour\":\"blue\",\"label\":\"x\","
          + "\"depth\":1,\"data\":{\"x\":[1,\"y\",null]}}";
      assertEquals(frame, CompiledChannel.write(rules.value(frame)));
    }
  }

  @Nested
  class Unions {
    @Test
    void discriminatedBranchIsChosenByItsConstant() {
      Object shapes = rules.value("{\"action\":\"shapes\",\"shape\":{\"kind\":\"square\",\"side\":2}}");
      assertEquals("Square", component(shapes, "shape").getClass().getSimpleName());
      assertEquals("{\"action\":\"shapes\",\"shape\":{\"kind\":\"square\",\"side\":2.0}}", CompiledChannel.write(shapes));
    }

    @Test
    void errorsInsideABranchAreLocatedByItsTag() {
      assertErrors("{\"action\":\"shapes\",\"shape\":{\"kind\":\"circle\"}}",
          error("missing", List.of("shapes", "shape", "circle", "radius"), "Field required"));
    }

    @Test
    void unknownAndMissingTags() {
      assertErrors("{\"action\":\"shapes\",\"shape\":{\"kind\":\"triangle\"}}", error("union_tag_invalid",
          List.of("shapes", "shape"),
          "Input tag 'triangle' found using 'kind' does not match any of the expected tags: 'circle', 'square'"));
      assertErrors("{\"action\":\"shapes\",\"shape\":{\"radius\":1}}", error("union_tag_not_found",
          List.of("shapes", "shape"), "Unable to extract tag using discriminator 'kind'"));
      assertErrors("{\"action\":\"shapes\",\"shape\":3}", error("model_attributes_type", List.of("shapes", "shape"),
          "Input should be a valid dictionary or object to extract fields from"));
    }

    @Test
    void withoutADiscriminatorTheFirstBranchThatFitsWins() {
      Object shapes = rules.value("{\"action\":\"shapes\",\"contact\":{\"phone\":\"123\"}}");
      assertEquals("Phone", component(shapes, "contact").getClass().getSimpleName());
    }

    @Test
    void whenNoBranchFitsTheErrorsOfEveryBranchAreReported() {
      assertErrors("{\"action\":\"shapes\",\"contact\":{\"fax\":\"1\"}}",
          error("missing", List.of("shapes", "contact", "Email", "email"), "Field required"),
          error("extra_forbidden", List.of("shapes", "contact", "Email", "fax"), "Extra inputs are not permitted"),
          error("missing", List.of("shapes", "contact", "Phone", "phone"), "Field required"),
          error("extra_forbidden", List.of("shapes", "contact", "Phone", "fax"), "Extra inputs are not permitted"));
    }
  }

  @Nested
  class PlainJackson {
    @Test
    void readsAndWritesRecordsWithUnionsEnumsAndDecimals() throws Exception {
      // Jackson looks subtypes up by class name through the context loader, as in an application.
      Thread thread = Thread.currentThread();
      ClassLoader previous = thread.getContextClassLoader();
      thread.setContextClassLoader(rules.type("Shapes").getClassLoader());
      try {
        roundTrips();
      } finally {
        thread.setContextClassLoader(previous);
      }
    }

    private void roundTrips() throws Exception {
      for (String frame : List.of(
          "{\"action\":\"shapes\",\"shape\":{\"kind\":\"circle\",\"radius\":1.5},\"contact\":{\"phone\":\"1\"}}",
          "{\"action\":\"numbers\",\"count\":3,\"price\":0.3,\"level\":5}",
          "{\"action\":\"formats\",\"colour\":\"blue\",\"label\":\"x\",\"depth\":2}",
          "{\"action\":\"lists\",\"tags\":[\"a\"],\"scores\":{\"a\":1},\"points\":[{\"x\":1}]}")) {
        Object value = rules.value(frame);

        assertEquals(frame, CompiledChannel.JSON.writeValueAsString(value), "Jackson writes what the writer writes");
        assertEquals(CompiledChannel.write(value), CompiledChannel.JSON.writeValueAsString(value));
        assertEquals(value, CompiledChannel.JSON.readValue(frame, rules.type("RulesClientMessage")));
      }
    }
  }

  @Nested
  class HandlerAndRoute {
    @Test
    void returnTypesFollowTheReplies() throws Exception {
      Class<?> handler = rules.type("RulesHandler");

      assertEquals(rules.type("CheckStringsReply"), handler.getMethod("checkStrings", rules.type("Strings"),
          dev.chanx.server.channel.Connection.class).getReturnType());
      assertEquals(rules.type("Ack"), handler.getMethod("checkNumbers", rules.type("Numbers"),
          dev.chanx.server.channel.Connection.class).getReturnType());
      assertEquals(void.class, handler.getMethod("checkLists", rules.type("CheckListsRequest"),
          dev.chanx.server.channel.Connection.class).getReturnType());
      assertEquals(List.of("checkStrings", "checkNumbers", "checkLists", "checkFormats"),
          Arrays.stream(handler.getDeclaredMethods()).filter(m -> !m.isDefault())
              .map(java.lang.reflect.Method::getName).sorted(
              java.util.Comparator.comparing(n -> List.of("checkStrings", "checkNumbers", "checkLists",
                  "checkFormats").indexOf(n))).toList(), "a message handled by an earlier operation adds no method");
      assertTrue(handler.getMethod("onNews", rules.type("News"), dev.chanx.server.channel.Connection.class)
          .isDefault(), "push_news is transformed by a default method");
      assertEquals(List.of(rules.type("Ack"), rules.type("Nack")),
          List.of(rules.type("CheckStringsReply").getPermittedSubclasses()));
      assertFalse(rules.type("RulesClientMessage").isAssignableFrom(rules.type("News")));
    }

    @Test
    void pathParametersAreTyped() throws Exception {
      Object path = rules.route().path(Map.of("room", "kitchen", "count", "3"));
      assertEquals("KITCHEN", component(path, "room").toString());

      IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
          () -> rules.route().path(Map.of("room", "attic", "count", "3")));
      assertEquals("path parameter 'room' must be one of 'lobby', 'kitchen', not 'attic'", e.getMessage());
    }
  }
}
