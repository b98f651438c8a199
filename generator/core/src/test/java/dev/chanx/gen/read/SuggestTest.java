package dev.chanx.gen.read;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import java.util.List;
import org.junit.jupiter.api.Test;

class SuggestTest {

  @Test
  void findsATypo() {
    assertEquals("Ping", Suggest.closest("Pingg", List.of("Pong", "Ping", "PingMessage")));
    assertEquals("address", Suggest.closest("adress", List.of("title", "address")));
  }

  @Test
  void staysQuietWhenNothingIsClose() {
    assertNull(Suggest.closest("Pingg", List.of("PingMessage", "Chat")));
  }
}
