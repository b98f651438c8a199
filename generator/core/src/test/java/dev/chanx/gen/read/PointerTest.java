package dev.chanx.gen.read;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import org.junit.jupiter.api.Test;

class PointerTest {

  @Test
  void escapesAndUnescapesTokens() {
    assertEquals("/components/schemas/a~1b~0c", Pointer.append("/components/schemas", "a/b~c"));
    assertEquals(List.of("components", "schemas", "a/b~c"), Pointer.tokens("/components/schemas/a~1b~0c"));
    assertEquals("a/b~c", Pointer.last("/components/schemas/a~1b~0c"));
    assertEquals("/components/schemas", Pointer.parent("/components/schemas/a~1b~0c"));
  }

  @Test
  void decodesPercentEscapesAsUtf8ButKeepsPlus() {
    assertEquals("/components/schemas/with space", Pointer.percentDecode("/components/schemas/with%20space"));
    assertEquals("/é+", Pointer.percentDecode("/%C3%A9+"));
  }
}
