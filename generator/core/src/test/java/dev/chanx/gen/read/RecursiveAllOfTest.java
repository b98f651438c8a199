package dev.chanx.gen.read;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.chanx.gen.model.ApiModel;
import dev.chanx.gen.model.Schema;
import java.util.List;
import org.junit.jupiter.api.Test;

/** allOf inside a recursive structure merges; only a schema that includes itself cannot. */
class RecursiveAllOfTest {

  @Test
  void mergesAPartThatIsStillBeingRead() {
    ApiModel model = Fixtures.read("recursive-allof.yaml");
    Schema leaf = model.schemas().get("/components/schemas/LeafNode");
    assertEquals(List.of("name", "children", "leaf"), List.copyOf(leaf.properties().keySet()));
    assertEquals("/components/schemas/LeafNode", leaf.properties().get("children").items().ref());
  }

  @Test
  void refusesASchemaThatIncludesItself() {
    assertEquals(List.of("self-allof.yaml#/components/schemas/Itself/allOf/0 (line 16): "
        + "allOf includes the schema it belongs to. Refer to it from a property instead."),
        Fixtures.problems("self-allof.yaml"));
  }
}
