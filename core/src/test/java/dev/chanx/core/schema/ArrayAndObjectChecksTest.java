package dev.chanx.core.schema;

import static dev.chanx.core.schema.Validation.error;
import static dev.chanx.core.schema.Validation.errors;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import org.junit.jupiter.api.Test;

class ArrayAndObjectChecksTest {

  private static final JsonSchema STRING = JsonSchema.builder().type("string").build();

  @Test
  void itemsAreReportedAtTheirIndex() {
    JsonSchema strings = JsonSchema.builder().items(STRING).minItems(1).maxItems(2).build();
    assertEquals(List.of(error("string_type", "Input should be a valid string", "m", 1)),
        errors(strings, "[\"a\", 2]"));
    assertEquals(List.of(error("too_short", "List should have at least 1 item after validation, not 0", "m")),
        errors(strings, "[]"));
    assertEquals(List.of(error("too_long", "List should have at most 2 items after validation, not 3", "m")),
        errors(strings, "[\"a\", \"b\", \"c\"]"));
  }

  @Test
  void tupleItemsCloseWithAdditionalItemsFalse() {
    JsonSchema pair = JsonSchema.builder().tupleItems(STRING, STRING).additionalItems(JsonSchema.nothing()).build();
    assertEquals(List.of(), errors(pair, "[\"a\"]"));
    assertEquals(List.of(error("too_long", "Tuple should have at most 2 items after validation, not 3", "m"),
        error("string_type", "Input should be a valid string", "m", 0)), errors(pair, "[1, \"b\", \"c\"]"));
  }

  @Test
  void containsAndUniqueItems() {
    assertEquals(List.of(error("contains",
        "List should contain at least one item that matches the contains schema", "m")),
        errors(JsonSchema.builder().contains(STRING).build(), "[1, 2]"));
    assertEquals(List.of(error("unique_items", "List should have unique items, but items 0 and 2 are equal", "m")),
        errors(JsonSchema.builder().uniqueItems().build(), "[1, {\"a\": 1}, 1.0]"));
    assertEquals(List.of(), errors(JsonSchema.builder().uniqueItems().build(), "[1, true, \"1\", [1], {\"a\": 1}]"));
  }

  @Test
  void propertiesPatternsAndAdditional() {
    JsonSchema closed = JsonSchema.builder().property("name", STRING).property("id", JsonSchema.anything())
        .patternProperty("^x-", JsonSchema.builder().type("integer").build())
        .additionalProperties(JsonSchema.nothing()).required("name", "id").build();
    assertEquals(List.of(), errors(closed, "{\"name\": \"a\", \"id\": 1, \"x-b\": 2}"));
    assertEquals(List.of(
        error("string_type", "Input should be a valid string", "m", "name"),
        error("int_type", "Input should be a valid integer", "m", "x-a"),
        error("extra_forbidden", "Extra inputs are not permitted", "m", "other"),
        error("missing", "Field required", "m", "id")),
        errors(closed, "{\"name\": 1, \"x-a\": \"no\", \"other\": 0}"));
  }

  @Test
  void namesCountsAndDependencies() {
    JsonSchema schema = JsonSchema.builder().propertyNames(JsonSchema.builder().maxLength(4).build())
        .minProperties(2).dependentRequired("card", "billing").build();
    assertEquals(List.of(error("property_name", "Property name 'long1' is not allowed", "m", "long1"),
        error("too_few_properties", "Object should have at least 2 properties, not 1", "m")),
        errors(schema, "{\"long1\": 1}"));
    assertEquals(List.of(error("dependency_missing", "Field required when 'card' is present", "m", "billing")),
        errors(schema, "{\"card\": 1, \"a\": 2}"));
    assertEquals(List.of(), errors(schema, "[1]"));
  }

  @Test
  void referencesResolveLazilyAndRecurse() {
    assertEquals(List.of(error("string_type", "Input should be a valid string", "m", "next", "next", "name")),
        errors(Tree.NODE, "{\"name\": \"a\", \"next\": {\"next\": {\"name\": 3}}}"));
  }

  /** A recursive schema in static constants, as generated code declares one. */
  private static final class Tree {
    static final JsonSchema NODE = JsonSchema.builder().type("object")
        .property("name", STRING).property("next", JsonSchema.ref(() -> Tree.NODE)).build();
  }
}
