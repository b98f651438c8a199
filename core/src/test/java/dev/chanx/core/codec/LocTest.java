package dev.chanx.core.codec;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import org.junit.jupiter.api.Test;

class LocTest {

  @Test
  void rootIsEmptyAndChildrenAppendNamesAndIndexes() {
    assertEquals(List.of(), Loc.root().toList());
    assertEquals(List.of("ping", "payload", 2, "name"), Loc.of("ping").key("payload").index(2).key("name").toList());
  }

  @Test
  void aChildLeavesItsParentAsItWas() {
    Loc payload = Loc.of("m").key("payload");
    payload.key("a");
    payload.index(0);

    assertEquals(List.of("m", "payload"), payload.toList());
    assertEquals(Loc.of("m").key("payload"), payload);
  }
}
