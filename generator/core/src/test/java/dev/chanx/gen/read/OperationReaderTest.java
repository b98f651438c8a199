package dev.chanx.gen.read;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import org.junit.jupiter.api.Test;

/** Operations that cannot be filed under a channel, each said once (operation-problems.yaml). */
class OperationReaderTest {

  @Test
  void reportsEveryOperationProblem() {
    assertEquals(List.of(
        "operation-problems.yaml#/operations/no_action (line 17): operation 'no_action' has no action. "
            + "Use action: receive (clients send the messages, the server handles them) "
            + "or action: send (the server pushes them).",
        "operation-problems.yaml#/operations/wrong_channel/channel (line 23): "
            + "$ref '#/channels/chats' leads nowhere. Did you mean '#/channels/chat'?",
        "operation-problems.yaml#/operations/borrowed_message/messages/0 (line 29): "
            + "operation 'borrowed_message' uses a message that channel 'chat' does not list. "
            + "Refer to one of its messages, under #/channels/chat/messages.",
        "operation-problems.yaml#/operations/unlisted_channel/channel (line 33): "
            + "operation 'unlisted_channel' refers to a channel that is not listed under channels. "
            + "Refer to one of the channels under #/channels."),
        Fixtures.problems("operation-problems.yaml"));
  }
}
