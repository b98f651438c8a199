package dev.chanx.gen.read;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.node.TextNode;
import dev.chanx.gen.model.JsonType;
import dev.chanx.gen.model.Schema;
import java.math.BigDecimal;
import org.junit.jupiter.api.Test;

/** When two channels sharing an address declare a parameter or a query alike. */
class SchemaEquivalenceTest {

  @Test
  void placesAndAnnotationsDoNotCount() {
    Schema a = Schema.builder("/channels/a/parameters/room").type(JsonType.STRING).enumValue(TextNode.valueOf("lobby"))
        .description("The room.").example(TextNode.valueOf("lobby")).build();
    Schema b = Schema.builder("/channels/b/parameters/room").type(JsonType.STRING).enumValue(TextNode.valueOf("lobby"))
        .title("Room").build();
    assertTrue(SchemaEquivalence.same(a, b));
  }

  @Test
  void boundsCompareAsNumbersAndRequiredAsASet() {
    Schema a = Schema.builder("/a").type(JsonType.OBJECT)
        .property("n", Schema.builder("/a/n").minimum(new BigDecimal("1")).build())
        .property("m", Schema.builder("/a/m").build())
        .required("n").required("m").build();
    Schema b = Schema.builder("/b").type(JsonType.OBJECT)
        .property("n", Schema.builder("/b/n").minimum(new BigDecimal("1.0")).build())
        .property("m", Schema.builder("/b/m").build())
        .required("m").required("n").build();
    assertTrue(SchemaEquivalence.same(a, b));
  }

  @Test
  void whatValuesMayBeCounts() {
    Schema string = Schema.builder("/a").type(JsonType.STRING).build();
    assertFalse(SchemaEquivalence.same(string, Schema.builder("/b").type(JsonType.INTEGER).build()));
    assertFalse(SchemaEquivalence.same(string, string.toBuilder().pattern("^[a-z]+$").build()));
    assertFalse(SchemaEquivalence.same(string, string.toBuilder().defaultValue(TextNode.valueOf("x")).build()));
    assertFalse(SchemaEquivalence.same(Schema.reference("/a", "/components/schemas/A"),
        Schema.reference("/b", "/components/schemas/B")));
    assertTrue(SchemaEquivalence.same(Schema.reference("/a", "/components/schemas/A"),
        Schema.reference("/b", "/components/schemas/A")));
  }
}
