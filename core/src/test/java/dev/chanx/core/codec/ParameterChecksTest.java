package dev.chanx.core.codec;

import static org.junit.jupiter.api.Assertions.assertDoesNotThrow;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import dev.chanx.core.schema.JsonSchema;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** Path and query parameters read as the JSON type their schema declares, then checked by it. */
class ParameterChecksTest {

  private static final JsonSchema ZOOM = JsonSchema.builder().type("number").maximum("10").build();
  private static final JsonSchema FLAG = JsonSchema.builder().type("boolean").build();

  @Test
  void textIsReadAsJsonReadsIt() {
    assertEquals("5", ParameterText.read("5", "integer").toString());
    assertEquals("\"+5\"", ParameterText.read("+5", "integer").toString());
    assertEquals("\"007\"", ParameterText.read("007", "integer").toString());
    assertEquals("1E+1", ParameterText.read("1e1", "number").toString());
    assertEquals("\".5\"", ParameterText.read(".5", "number").toString());
    assertEquals("true", ParameterText.read("true", "boolean").toString());
    assertEquals("\"TRUE\"", ParameterText.read("TRUE", "boolean").toString());
    assertEquals("\"5\"", ParameterText.read("5", "string").toString());
  }

  @Test
  void aPathParameterKeptAsTextIsCheckedAsItsType() {
    assertDoesNotThrow(() -> PathChecks.check(ZOOM, "zoom", "9.5", "number"));
    assertDoesNotThrow(() -> PathChecks.check(FLAG, "on", "false", "boolean"));
    IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
        () -> PathChecks.check(ZOOM, "zoom", "11", "number"));
    assertEquals("path parameter 'zoom' breaks its schema: [zoom] Input should be less than or equal to 10",
        e.getMessage());
    assertThrows(IllegalArgumentException.class, () -> PathChecks.check(FLAG, "on", "yes", "boolean"));
  }

  @Test
  void aQueryParameterGivenTwiceIsAnArrayUnlessDeclaredOne() {
    JsonSchema schema = JsonSchema.builder().type("object")
        .property("limit", JsonSchema.builder().type("integer").build())
        .property("tag", JsonSchema.builder().type("array").items(JsonSchema.builder().type("string").build()).build())
        .build();
    QueryParameters query = QueryParameters.of(schema).value("limit", "integer").values("tag", "string");
    assertDoesNotThrow(() -> query.check(Map.of("limit", List.of("3"), "tag", List.of("a"))));
    assertDoesNotThrow(() -> query.check(Map.of("tag", List.of("a", "b"), "other", List.of("x", "y"))));
    assertThrows(IllegalArgumentException.class, () -> query.check(Map.of("limit", List.of("3", "4"))));
    IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
        () -> query.check(Map.of("limit", List.of("three"))));
    assertEquals("the query breaks its schema: [limit] Input should be a valid integer", e.getMessage());
  }
}
