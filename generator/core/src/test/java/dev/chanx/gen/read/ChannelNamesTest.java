package dev.chanx.gen.read;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;

/** How a 2.x channel, keyed by its address, gets the name its package and classes take. */
class ChannelNamesTest {

  @Test
  void theWordsOfTheAddressJoinedByUnderscores() {
    assertEquals("ws_chat_room", ChannelNames.fromAddress("/ws/chat/{room}"));
    assertEquals("ws_chat_room", ChannelNames.fromAddress("ws/chat/{room}/"));
    assertEquals("v1_marketData_symbol", ChannelNames.fromAddress("/v1/marketData/{symbol}"));
    assertEquals("user_signed_up", ChannelNames.fromAddress("user.signed-up"));
    assertEquals("cafe", ChannelNames.fromAddress("/café"));
  }

  @Test
  void anAddressWithoutWordsIsRoot() {
    assertEquals("root", ChannelNames.fromAddress("/"));
    assertEquals("root", ChannelNames.fromAddress(""));
  }

  @Test
  void anXChannelIdWinsAndIsServedFirst() {
    assertEquals(List.of("ws_chat_room_2", "ws_chat_room", "live"), ChannelNames.assign(
        List.of("/ws/chat/{room}", "/ws/other", "/feeds/{feed}"), Arrays.asList(null, "ws_chat_room", "live")));
  }

  @Test
  void namesThatClashAsPackagesAreNumberedInDocumentOrder() {
    assertEquals(List.of("ws_chat_room", "ws_chat_room_2", "WS_Chat_Room_3"), ChannelNames.assign(
        List.of("/ws/chat/{room}", "/ws/chat/room", "/WS/Chat/Room"), Arrays.asList(null, null, null)));
  }
}
