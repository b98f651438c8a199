package dev.chanx.gen.codegen;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The generated route tells the runtime which operation each client message belongs to, compiled and run. */
class InboundOperationsTest {

  private static final Path DOCUMENT = Path.of("src/test/resources/codegen/operations.yaml");

  @Test
  void eachClientMessageNamesItsFirstOperationAndARequestsAnswerItsSendOperation(@TempDir Path dir) {
    assertEquals(Map.of("order", "place_order", "cancel", "place_order", "confirmed", "ask_confirm"),
        CompiledChannel.of(DOCUMENT, "desk", "Desk", dir).route().inboundOperations());
  }
}
