package dev.chanx.gen.read;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.chanx.gen.SharedSpecs;
import dev.chanx.gen.model.ApiModel;
import dev.chanx.gen.model.Channel;
import dev.chanx.gen.model.JsonType;
import dev.chanx.gen.model.Message;
import dev.chanx.gen.model.Operation;
import dev.chanx.gen.model.Schema;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Real documents nobody here wrote: each must read, and read right. */
class PeerDocumentsTest {

  @Test
  void krakenUsesEventAndRepliesFromAnotherChannel() {
    ApiModel model = SharedSpecs.read("peers/kraken-request-reply-multiple-channels.yml");
    // Seven channels at '/' are one endpoint: see SharedAddressesTest.
    Channel root = model.channel("root").orElseThrow();
    assertEquals("/", root.address());
    assertEquals("event", root.discriminator());

    Operation subscribe = root.receives().get(1);
    assertEquals("subscribe", subscribe.key());
    assertEquals(List.of("subscribe"), subscribe.messages().stream().map(Message::key).toList(),
        "no messages listed: all of the channel's");
    assertEquals(List.of("subscriptionStatus", "dummyCurrencyInfo"), subscribe.replies().stream().map(Message::key).toList(),
        "no reply messages listed: all of the reply channel's");
    assertEquals(List.of("subscriptionStatus", "currencyInfo"), subscribe.replies().stream().map(Message::tag).toList(),
        "subscriptionStatus is a oneOf whose choices share event: subscriptionStatus");

    Operation unsubscribe = root.receives().get(2);
    assertEquals(List.of("subscriptionStatus"), unsubscribe.replies().stream().map(Message::key).toList());

    Message ping = root.clientMessages().get(0);
    assertEquals("ping", ping.tag());
    assertEquals("$message.payload#/reqid", ping.correlationId());
    assertEquals(List.of("pong"), root.receives().get(0).replies().stream().map(Message::key).toList());

    Operation heartbeat = root.sends().get(0);
    assertEquals(Operation.Action.SEND, heartbeat.action());
    assertEquals("heartbeat", heartbeat.messages().get(0).tag());

    Message status = subscribe.replies().get(0);
    assertEquals(2, status.examples().size());
    assertEquals("XBT/EUR", status.examples().get(0).get("pair").asText());
  }

  @Test
  void krakenAllOfIsMergedWithTheCommonPart() {
    ApiModel model = SharedSpecs.read("peers/kraken-request-reply-multiple-channels.yml");
    Schema error = model.schemas().get("/components/schemas/subscriptionStatusError");
    assertEquals(java.util.Set.of(JsonType.OBJECT), error.types());
    assertEquals(List.of("errorMessage", "event", "reqid", "pair", "status", "subscription"),
        List.copyOf(error.properties().keySet()));
    assertEquals(List.of("errorMessage", "event"), error.required());
    assertEquals("/components/schemas/status", error.properties().get("status").ref());
  }

  @Test
  void slackUsesTypeAndKeepsAdditionalPropertiesFalse() {
    ApiModel model = SharedSpecs.read("peers/slack-socket-mode-client.yml");
    Channel root = model.channel("root").orElseThrow();
    assertEquals("type", root.discriminator());
    assertEquals(List.of("hello", "events_api", "disconnect"), root.clientMessages().stream().map(Message::tag).toList());
    Operation onEvent = root.receives().get(1);
    assertEquals(List.of("acknowledge"), onEvent.replies().stream().map(Message::key).toList());
    assertNull(onEvent.replies().get(0).tag(), "acknowledge has no type");

    Schema query = root.query();
    assertNotNull(query);
    assertEquals(List.of("ticket", "app_id"), List.copyOf(query.properties().keySet()));
    assertEquals("/channels/root/bindings/ws/query", query.pointer());

    Schema event = model.schemas().get("/components/schemas/event");
    assertEquals(Boolean.FALSE, event.additionalPropertiesAllowed());
    assertEquals("type", event.discriminator());
    Schema enterprise = event.properties().get("payload").properties().get("context_enterprise_id");
    assertTrue(enterprise.isNullable());
    assertEquals(JsonType.STRING, enterprise.singleType());
    assertEquals("E1234567890", enterprise.examples().get(0).asText());
  }

  @Test
  void geminiParameterEnumAndQuery() {
    ApiModel model = SharedSpecs.read("peers/websocket-gemini.yml");
    Channel market = model.channel("marketDataV1").orElseThrow();
    assertEquals("/v1/marketdata/{symbol}", market.address());
    assertEquals(1, market.parameters().size());
    Schema symbol = market.parameters().get(0).schema();
    assertEquals("symbol", market.parameters().get(0).name());
    assertEquals(JsonType.STRING, symbol.singleType());
    assertEquals(63, symbol.enumValues().size());
    assertEquals("btcusd", symbol.enumValues().get(0).asText());
    assertEquals("1inchusd", symbol.enumValues().get(53).asText());
    assertTrue(market.parameters().get(0).description().startsWith("Symbols are formatted as CCY1CCY2"));

    Schema query = market.query();
    assertEquals(List.of("heartbeat", "top_of_book", "bids", "offers", "trades", "auctions"),
        List.copyOf(query.properties().keySet()));
    assertEquals(JsonType.BOOLEAN, query.properties().get("heartbeat").singleType());
    assertFalse(query.properties().get("heartbeat").defaultValue().asBoolean());

    assertTrue(market.receives().isEmpty());
    Message data = market.sends().get(0).messages().get(0);
    assertEquals("marketData", data.key());
    assertNull(market.discriminator(), "one server message, a oneOf whose choices differ in type");
    assertEquals(2, data.examples().size());
    assertEquals(new java.math.BigDecimal("54350.40"), data.examples().get(0).get("events").get(0).get("price").decimalValue());
  }

  @Test
  void geminiAllOfChoicesCarryTheirTypeConstant() {
    ApiModel model = SharedSpecs.read("peers/websocket-gemini.yml");
    Schema market = model.schemas().get("/components/schemas/market");
    assertEquals(2, market.oneOf().size());
    Schema update = model.resolve(market.oneOf().get(1));
    assertEquals("update", update.properties().get("type").constValue().asText());
    assertTrue(update.properties().containsKey("socket_sequence"), "merged from default");
    assertEquals(List.of("type", "eventId", "events", "timestamp", "timestampms", "socket_sequence"), update.required());
    Schema price = model.resolve(update.properties().get("events")).items().properties().get("price");
    assertEquals(new java.math.BigDecimal("0.01"), price.multipleOf());
  }

  @Test
  void chanxClientFixtureReadsEveryChannel() {
    ApiModel model = SharedSpecs.read("chanx/client-generation-fixture.json");
    assertEquals(7, model.channels().size());
    model.channels().forEach(c -> assertEquals("action", c.discriminator(), c.key()));
    Channel room = model.channel("room_chat").orElseThrow();
    assertEquals("/ws/room/{room_name}", room.address());
    assertEquals("room_name", room.parameters().get(0).name());

    Schema payload = model.schemas().get("/components/schemas/RoomMessagePayload");
    Schema roomName = payload.properties().get("room_name");
    assertEquals(java.util.Set.of(JsonType.STRING, JsonType.NULL), roomName.types(), "anyOf [string, null] is Optional[str]");
    assertTrue(roomName.defaultValue().isNull());
    assertEquals("Room Name", roomName.title());
    Schema status = payload.properties().get("status");
    assertEquals("/components/schemas/MessageStatus", status.ref());
    assertEquals("PENDING", status.defaultValue().asText(), "a default beside a $ref stays");
  }
}
