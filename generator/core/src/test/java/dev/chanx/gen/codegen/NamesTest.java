package dev.chanx.gen.codegen;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import org.junit.jupiter.api.Test;

class NamesTest {

  @Test
  void typeNamesAreUpperCamelCaseOfTheWords() {
    assertEquals("NewChatMessage", Names.upperCamel("new_chat_message", "X"));
    assertEquals("MarketDataV1", Names.upperCamel("marketDataV1", "X"));
    assertEquals("HttpServer", Names.upperCamel("HTTPServer", "X"));
    assertEquals("ConnectionId", Names.upperCamel("connectionID", "X"));
    assertEquals("Ohlc5", Names.upperCamel("ohlc-5", "X"));
  }

  @Test
  void memberNamesAreLowerCamelCase() {
    assertEquals("handleNewChatMessage", Names.lowerCamel("handle_new_chat_message", "x"));
    assertEquals("socketSequence", Names.lowerCamel("socket_sequence", "x"));
    assertEquals("channelId", Names.lowerCamel("channelID", "x"));
  }

  @Test
  void constantsAreUpperSnakeCase() {
    assertEquals("CANCEL_ONLY", Names.upperSnake("cancel_only", "X"));
    assertEquals("OPEN_ORDERS", Names.upperSnake("openOrders", "X"));
    assertEquals("AUCTION_BLOCK_TRADE", Names.upperSnake("auction, block_trade", "X"));
    assertEquals("_1INCHUSD", Names.upperSnake("1inchusd", "X"));
  }

  @Test
  void keywordsGetAnUnderscoreAndLeadingDigitsOneInFront() {
    assertEquals("class_", Names.lowerCamel("class", "x"));
    assertEquals("default_", Names.lowerCamel("default", "x"));
    assertEquals("record_", Names.lowerCamel("record", "x"));
    assertEquals("_1st", Names.lowerCamel("1st", "x"));
  }

  @Test
  void accentsAreDroppedAndOtherNonAsciiSeparatesWords() {
    assertEquals("naive", Names.lowerCamel("naïve", "x"));
    assertEquals("cafe", Names.lowerCamel("café-Δ", "x"));
    assertEquals("value", Names.lowerCamel("日本", "value"));
  }

  @Test
  void packageSegmentsAreLowerCaseWithUnderscores() {
    assertEquals("chat", Names.packageSegment("chat"));
    assertEquals("reliable_chat", Names.packageSegment("reliable_chat"));
    assertEquals("marketdatav1", Names.packageSegment("marketDataV1"));
    assertEquals("class_", Names.packageSegment("class"));
    assertEquals("cafe__", Names.packageSegment("café-Δ"));
    assertEquals("_2fa", Names.packageSegment("2fa"));
  }

  @Test
  void aScopeSuffixesCollisionsInTheOrderAsked() {
    Names members = Names.members(List.of("toString"));

    assertEquals("name", members.allocate("name"));
    assertEquals("name2", members.allocate("name"));
    assertEquals("name3", members.allocate("name"));
    assertEquals("toString2", members.allocate("toString"));
    assertEquals("Name", members.allocate("Name"), "members may differ in case only");
  }

  @Test
  void typeNamesThatDifferOnlyInCaseCollideBecauseFileSystemsMayIgnoreCase() {
    Names types = Names.types(List.of("String"));

    assertEquals("Message", types.allocate("Message"));
    assertEquals("MESSAGE2", types.allocate("MESSAGE"));
    assertEquals("String2", types.allocate("String"));
  }
}
