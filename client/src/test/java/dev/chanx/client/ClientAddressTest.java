package dev.chanx.client;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.net.URI;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class ClientAddressTest {

  @Test
  void fillsParametersAsEncodedSegmentsUnderTheServerPath() {
    Map<String, List<String>> query = new LinkedHashMap<>();
    query.put("top", List.of("5"));
    query.put("x", List.of("é &"));
    assertEquals(URI.create("ws://localhost:8000/ws/chat/room%201%2Fa/"), ClientAddress.resolve(
        URI.create("ws://localhost:8000"), "ws/chat/{group_name}/", Map.of("group_name", "room 1/a")));
    assertEquals(URI.create("wss://example.com/api/v1/marketdata/BTCUSD?top=5&x=%C3%A9%20%26"),
        ClientAddress.withQuery(ClientAddress.resolve(URI.create("wss://example.com/api"), "/v1/marketdata/{symbol}",
            Map.of("symbol", "BTCUSD")), query));
    assertEquals(URI.create("ws://h/p?a=1&top=5&x=%C3%A9%20%26"), ClientAddress.withQuery(URI.create("ws://h/p?a=1"),
        query));
  }

  @Test
  void refusesWhatCannotBeAWebSocketAddress() {
    assertEquals("not a ws:// or wss:// URI: http://localhost", assertThrows(IllegalArgumentException.class,
        () -> ClientAddress.resolve(URI.create("http://localhost"), "/", Map.of())).getMessage());
    assertEquals("no value for path parameter id of /x/{id}", assertThrows(IllegalArgumentException.class,
        () -> ClientAddress.resolve(URI.create("ws://localhost"), "/x/{id}", Map.of())).getMessage());
  }
}
