package dev.chanx.server;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class AddressTemplateTest {

  @Test
  void matchesWithOrWithoutLeadingAndTrailingSlash() {
    for (String address : List.of("ws/chat/{group_name}/", "/ws/chat/{group_name}", "/ws/chat/{group_name}/")) {
      AddressTemplate template = AddressTemplate.compile(address);
      for (String path : List.of("/ws/chat/room1/", "/ws/chat/room1")) {
        assertEquals(Map.of("group_name", "room1"), template.match(path), address + " vs " + path);
      }
    }
  }

  @Test
  void decodesEachParameterAndNeedsOneNonEmptySegment() {
    AddressTemplate template = AddressTemplate.compile("ws/chat/{group_name}/");
    assertEquals(Map.of("group_name", "room one"), template.match("/ws/chat/room%20one/"));
    assertEquals(Map.of("group_name", "caf\u00e9"), template.match("/ws/chat/caf%C3%A9/"));
    assertNull(template.match("/ws/chat//"));
    assertNull(template.match("/ws/chat/a/b/"));
    assertNull(template.match("/ws/chat/"));
    assertNull(template.match("/ws/chatroom/"));
  }

  @Test
  void literalsAroundParametersAndSeveralParameters() {
    AddressTemplate template = AddressTemplate.compile("/v1/{market}.{symbol}/feed");
    assertEquals(List.of("market", "symbol"), template.names());
    assertEquals(Map.of("market", "spot", "symbol", "btcusd"), template.match("/v1/spot.btcusd/feed"));
    assertNull(template.match("/v1/spot-btcusd/feed"));
  }

  @Test
  void shapeIgnoresSlashesAndParameterNames() {
    assertEquals(AddressTemplate.compile("ws/chat/{group_name}/").shape(),
        AddressTemplate.compile("/ws/chat/{room}").shape());
  }

  @Test
  void refusesUnbalancedBraces() {
    assertThrows(IllegalArgumentException.class, () -> AddressTemplate.compile("ws/{oops/"));
    assertThrows(IllegalArgumentException.class, () -> AddressTemplate.compile("ws/oops}/"));
  }
}
