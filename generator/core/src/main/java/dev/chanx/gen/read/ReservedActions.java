package dev.chanx.gen.read;

import java.util.List;

/**
 * Refuses a message the server sends whose {@code action} is that of a frame the runtime sends on
 * its own ({@code dev.chanx.server.docs.RuntimeFrame}): whatever the channel's discriminator, a
 * client reads those frames by their {@code action}, so it could not tell the two apart. What
 * clients send never meets a runtime frame, and the runtime sends no {@code pong} of its own
 * (keepalive uses WebSocket ping and pong control frames), so those stay the document's.
 */
final class ReservedActions {

  /** The runtime's frames, in the order the hint lists them. */
  static final List<String> RESERVED = List.of("error", "authentication", "complete", "group_complete",
      "event_complete", "recovery");

  private ReservedActions() {}

  static void check(DocumentDraft draft, DiscriminatorInference inference, Problems problems) {
    for (ChannelDraft channel : draft.channels()) {
      for (MessageUse use : channel.serverMessages()) {
        String action = inference.tag(use, "action");
        if (action != null && RESERVED.contains(action)) {
          problems.at(use.entry(), "message '" + use.key() + "' of " + channel.describe() + " has action '"
              + action + "', which the runtime's own " + action + " frames have: a client could not tell them apart",
              "Give it another action value; the runtime sends "
                  + String.join(", ", RESERVED.subList(0, RESERVED.size() - 1)) + " and "
                  + RESERVED.get(RESERVED.size() - 1) + " frames itself.");
        }
      }
    }
  }
}
