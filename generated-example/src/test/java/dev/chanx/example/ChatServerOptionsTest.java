package dev.chanx.example;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

class ChatServerOptionsTest {

  @Test
  void portDefaultsTo8000() {
    assertEquals(8000, ChatServerOptions.parse().port);
  }

  @Test
  void portPicksAnother() {
    assertEquals(9123, ChatServerOptions.parse("--port", "9123").port);
  }

  @Test
  void redisIsOffUnlessAsked() {
    assertEquals(null, ChatServerOptions.parse().redis);
    assertEquals("redis://127.0.0.1:6379", ChatServerOptions.parse("--redis", "redis://127.0.0.1:6379").redis);
    assertEquals("--redis needs a URI such as redis://127.0.0.1:6379",
        assertThrows(IllegalArgumentException.class, () -> ChatServerOptions.parse("--redis")).getMessage());
  }

  @Test
  void metricsAreOffUnlessAsked() {
    assertFalse(ChatServerOptions.parse().metrics);
    assertTrue(ChatServerOptions.parse("--port", "0", "--metrics").metrics);
  }

  @Test
  void helpIsRecognised() {
    assertTrue(ChatServerOptions.parse("--help").help);
  }

  @Test
  void badUsageSaysWhat() {
    assertEquals("--port needs a number from 0 to 65535, not 'x'",
        assertThrows(IllegalArgumentException.class, () -> ChatServerOptions.parse("--port", "x")).getMessage());
    assertEquals("--port needs a number",
        assertThrows(IllegalArgumentException.class, () -> ChatServerOptions.parse("--port")).getMessage());
    assertEquals("unknown option '--prot'",
        assertThrows(IllegalArgumentException.class, () -> ChatServerOptions.parse("--prot", "1")).getMessage());
  }
}
