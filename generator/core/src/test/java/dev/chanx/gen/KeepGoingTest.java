package dev.chanx.gen;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import dev.chanx.gen.model.ApiModel;
import dev.chanx.gen.model.Channel;
import java.nio.file.Path;
import java.util.EnumSet;
import java.util.List;
import org.junit.jupiter.api.Test;

/** One bad channel does not hide the problems of the others, nor, when asked, sink them. */
class KeepGoingTest {

  private static final Path MIXED = Path.of("src/test/resources/read/one-bad-channel.yaml");

  // Channel lobby has no address, which is no problem: its route is placed in code.
  private static final List<String> PROBLEMS = List.of(
      "one-bad-channel.yaml#/channels/heartbeat/messages/beat/contentType (line 25): message 'beat' can't be"
          + " generated: its content type 'text/plain' is text that is not JSON. Frames are JSON text or binary"
          + " data: use application/json with a string payload, or a binary content type.",
      "one-bad-channel.yaml#/channels/feed/messages/video (line 34): messages 'audio' (/channels/feed/messages/audio)"
          + " and 'video' of channel 'feed' can't both be generated: both are binary data that clients send, and a"
          + " binary frame carries nothing that tells them apart. Declare one binary message for each direction of"
          + " a channel, or move one to a channel of its own.",
      "one-bad-channel.yaml#/channels/trades/messages/trade/payload (line 40): message 'trade' can't be generated:"
          + " its payload is an object schema with neither properties nor choices, which tells a frame nothing."
          + " Describe the frame as an object, a oneOf of objects, or the JSON value it is.");

  @Test
  void everyProblemOfEveryChannelIsReportedInOneRun() {
    SpecException e = assertThrows(SpecException.class, () -> ChanxGenerator.check(MIXED, CheckOptions.defaults()));

    assertEquals(PROBLEMS, e.problems().stream().map(SpecProblem::render).toList());
  }

  @Test
  void keepingGoingLeavesOutTheBadChannelsAndGeneratesTheRest() throws Exception {
    ApiModel model = ChanxGenerator.check(MIXED, CheckOptions.defaults().keepGoing(true));

    assertEquals(List.of("chat", "lobby"), model.channels().stream().map(Channel::key).toList());
    assertEquals(PROBLEMS, model.skipped().stream().map(SpecProblem::render).toList());
    assertEquals(List.of("com/example/chat/ChatHandler.java", "com/example/lobby/LobbyHandler.java", "js/mixed.js"),
        ChanxGenerator.generate(model, "com.example", EnumSet.allOf(Target.class)).stream()
            .map(GeneratedFile::relativePath)
            .filter(p -> p.endsWith("Handler.java") || p.endsWith(".js")).toList());
  }

  @Test
  void keepingGoingStillFailsOnAProblemOfNoChannel() {
    SpecException e = assertThrows(SpecException.class, () -> ChanxGenerator.check(
        Path.of("src/test/resources/read/problem-of-no-channel.yaml"), CheckOptions.defaults().keepGoing(true)));

    assertEquals(List.of(
        "problem-of-no-channel.yaml#/operations/stray/action (line 29): 'action' cannot be 'publish'."
            + " Use send or receive."),
        e.problems().stream().map(SpecProblem::render).toList());
  }
}
