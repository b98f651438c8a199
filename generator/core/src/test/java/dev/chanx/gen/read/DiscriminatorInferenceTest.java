package dev.chanx.gen.read;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.chanx.gen.model.ApiModel;
import dev.chanx.gen.model.Channel;
import dev.chanx.gen.model.Message;
import java.util.List;
import org.junit.jupiter.api.Test;

/** How each channel's discriminator is chosen (discriminator-choice.yaml). */
class DiscriminatorInferenceTest {

  @Test
  void prefersADistinctPropertyOverAPreferredNameThatRepeats() {
    Channel game = Fixtures.read("discriminator-choice.yaml").channel("game").orElseThrow();
    assertEquals("type", game.discriminator(), "action is play in both, so it cannot tell them apart");
    assertEquals(List.of("move", "resign"), tags(game), "a one-value enum counts as a constant");
  }

  @Test
  void serverOnlyChannelTakesThePropertyEveryMessageHas() {
    Channel feed = Fixtures.read("discriminator-choice.yaml").channel("feed").orElseThrow();
    assertEquals("event", feed.discriminator());
    assertEquals(List.of("tick", "alert"), feed.serverMessages().stream().map(Message::tag).toList());
  }

  @Test
  void aNamedDiscriminatorIsUsedForEveryChannel() {
    ApiModel model = Fixtures.read("discriminator-choice.yaml", "kind");
    Channel game = model.channel("game").orElseThrow();
    assertEquals("kind", game.discriminator());
    assertEquals(List.of("k1", "k2"), tags(game));
    Channel feed = model.channel("feed").orElseThrow();
    assertEquals("kind", feed.discriminator());
    assertEquals(java.util.Arrays.asList(null, null), feed.serverMessages().stream().map(Message::tag).toList());
  }

  @Test
  void aNamedDiscriminatorThatRepeatsIsAProblem() {
    assertEquals(List.of("discriminator-choice.yaml#/channels/game/messages/resign (line 16): "
        + "messages 'move' and 'resign' of channel 'game' both have action 'play'. "
        + "Give each client message its own action value; the server picks the handler by it."),
        Fixtures.problems("discriminator-choice.yaml", "action"));
  }

  @Test
  void aNamedDiscriminatorMissingFromAClientMessageIsAProblem() {
    assertEquals(List.of(
        "discriminator-choice.yaml#/channels/game/messages/move (line 9): message 'move' of channel 'game' "
            + "has no constant value for 'zone'. Give its payload a property zone with a const value, "
            + "or name another property with --discriminator.",
        "discriminator-choice.yaml#/channels/game/messages/resign (line 16): message 'resign' of channel 'game' "
            + "has no constant value for 'zone'. Give its payload a property zone with a const value, "
            + "or name another property with --discriminator."),
        Fixtures.problems("discriminator-choice.yaml", "zone"));
  }

  private static List<String> tags(Channel channel) {
    return channel.clientMessages().stream().map(Message::tag).toList();
  }
}
