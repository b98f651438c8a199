package dev.chanx.gen.codegen;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import dev.chanx.server.layer.History;
import java.nio.file.Path;
import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The route generated from a channel with {@code x-chanx.recovery} tells the runtime, compiled and run. */
class RecoveryRouteTest {

  private static final Path DOCUMENT = Path.of("src/test/resources/read/recovery.yaml");

  @Test
  void theRouteOfARecoverableChannelReturnsItsHistory(@TempDir Path dir) {
    assertEquals(new History(Duration.ofMinutes(2), 1000), CompiledChannel.of(DOCUMENT, "chat", "Chat", dir)
        .route().recovery());
  }

  @Test
  void theRouteOfAChannelWithRecoverableDirectFramesSaysSo(@TempDir Path dir) {
    assertEquals(new History(Duration.ofMinutes(1), 50, true), CompiledChannel.of(DOCUMENT, "inbox", "Inbox", dir)
        .route().recovery());
  }

  @Test
  void theRouteOfAnotherChannelHasNone(@TempDir Path dir) {
    assertNull(CompiledChannel.of(DOCUMENT, "plain", "Plain", dir).route().recovery());
  }
}
