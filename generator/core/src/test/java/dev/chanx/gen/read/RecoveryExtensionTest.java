package dev.chanx.gen.read;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import dev.chanx.gen.model.ApiModel;
import dev.chanx.gen.model.Channel;
import dev.chanx.gen.model.Recovery;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;

/** A channel's {@code x-chanx: {recovery: {window, size}}}, read or refused with the reason. */
class RecoveryExtensionTest {

  @Test
  void aChannelDeclaresItsRecoveryWindowAndSize() {
    ApiModel model = Fixtures.read("recovery.yaml");
    Channel chat = model.channels().stream().filter(c -> c.key().equals("chat")).findFirst().orElseThrow();
    Channel plain = model.channels().stream().filter(c -> c.key().equals("plain")).findFirst().orElseThrow();
    Channel inbox = model.channels().stream().filter(c -> c.key().equals("inbox")).findFirst().orElseThrow();
    assertEquals(new Recovery(Duration.ofMinutes(2), 1000, false), chat.recovery());
    assertEquals(new Recovery(Duration.ofMinutes(1), 50, true), inbox.recovery());
    assertNull(plain.recovery());
  }

  @Test
  void everyWrongSettingIsReportedNoneIgnored() {
    assertEquals(List.of(
        "recovery-problems.yaml#/channels/chat/x-chanx/recovery/window (line 10): x-chanx.recovery.window must be "
            + "a positive ISO-8601 duration, not \"2 minutes\". How long a frame stays recoverable, such as PT2M for "
            + "two minutes.",
        "recovery-problems.yaml#/channels/chat/x-chanx/recovery/size (line 11): x-chanx.recovery.size must be an "
            + "integer from 1 to 1000000, not 0. How many frames each group keeps, such as 1000.",
        "recovery-problems.yaml#/channels/chat/x-chanx/recovery/keep (line 12): x-chanx.recovery has no setting "
            + "'keep'. The settings are: window, size, direct.",
        "recovery-problems.yaml#/channels/chat/x-chanx/presence (line 13): presence must be a map with member, the "
            + "schema (or $ref) of a member's data. Write x-chanx: {presence: {member: {$ref: "
            + "'#/components/schemas/Member'}}} in an AsyncAPI 3 document.",
        "recovery-problems.yaml#/channels/plain/x-chanx/recovery (line 20): x-chanx.recovery needs both window "
            + "and size. Write recovery: {window: PT2M, size: 1000}."),
        Fixtures.problems("recovery-problems.yaml"));
  }
}
