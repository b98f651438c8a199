package dev.chanx.gen.read;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import dev.chanx.gen.SpecException;
import dev.chanx.gen.SpecProblem;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;

/** What a user reads when a document is wrong, word for word: file, pointer, line, fix. */
class ProblemMessagesTest {

  @Test
  void yamlSyntaxErrorNamesTheLineWithoutParserNoise() {
    assertEquals(List.of(
        "yaml-syntax-error.yaml# (line 8): YAML syntax error: mapping values are not allowed here."),
        Fixtures.problems("yaml-syntax-error.yaml"));
  }

  @Test
  void jsonSyntaxErrorNamesTheLineWithoutParserNoise() {
    assertEquals(List.of("json-syntax-error.json# (line 5): JSON syntax error: Unexpected character ('\"'): "
        + "was expecting comma to separate Object entries."),
        Fixtures.problems("json-syntax-error.json"));
  }

  @Test
  void refThatLeadsNowhereSuggestsTheClosestName() {
    assertEquals(List.of("ref-leads-nowhere.yaml#/components/messages/ping/payload (line 20): "
        + "$ref '#/components/schemas/Pingg' leads nowhere. Did you mean '#/components/schemas/Ping'?"),
        Fixtures.problems("ref-leads-nowhere.yaml"));
  }

  @Test
  void twoClientMessagesWithTheSameActionAreNamedWithTheAction() {
    assertEquals(List.of("same-action-twice.yaml#/channels/chat/messages/ping_again (line 11): "
        + "messages 'ping' and 'ping_again' of channel 'chat' can never be told apart: both have action 'ping', "
        + "and their payloads (same-action-twice.yaml#/components/messages/ping/payload, line 21; "
        + "same-action-twice.yaml#/components/messages/ping_again/payload, line 28) accept the same frames. "
        + "Give each message its own action value; the frame's action picks the message."),
        Fixtures.problems("same-action-twice.yaml"));
  }

  @Test
  void aMessageTheServerSendsWithTheActionOfARuntimeFrameIsRefused() {
    String hint = ": a client could not tell them apart. Give it another action value; the runtime sends error,"
        + " authentication, complete, group_complete, event_complete and recovery frames itself.";
    assertEquals(List.of(
        "reserved-actions.yaml#/channels/jobs/messages/failed (line 19): message 'failed' of channel 'jobs' has"
            + " action 'error', which the runtime's own error frames have" + hint,
        "reserved-actions.yaml#/operations/run/reply/messages/0 (line 36): message 'done' of channel 'jobs' has"
            + " action 'complete', which the runtime's own complete frames have" + hint),
        Fixtures.problems("reserved-actions.yaml"));
  }

  @Test
  void theReservedActionsAreTheRuntimesFrames() {
    assertEquals(java.util.Arrays.stream(dev.chanx.server.docs.RuntimeFrame.values())
            .map(dev.chanx.server.docs.RuntimeFrame::action).sorted().toList(),
        ReservedActions.RESERVED.stream().sorted().toList());
  }

  @Test
  void channelsWithoutAddressOrWithNullAddressAreReadWithoutOne() {
    // AsyncAPI 3: an address unknown or given at run time; the route then takes it in code.
    var model = Fixtures.read("channel-without-address.yaml");
    assertEquals(List.of("chat", "lobby"), model.channels().stream().map(c -> c.key()).toList());
    assertEquals(java.util.Arrays.asList(null, null), model.channels().stream().map(c -> c.address()).toList());
  }

  @Test
  void missingExternalFileNamesTheChainOfRefs() {
    assertEquals(List.of("schemas/frames.yaml#/Ping/properties/payload (line 7): "
        + "$ref 'payloads.yaml#/PingPayload' names a file that does not exist: schemas/payloads.yaml "
        + "(reached through chat.yaml#/channels/chat/messages/ping/payload -> "
        + "schemas/frames.yaml#/Ping/properties/payload). "
        + "A $ref path is relative to the file that holds it, here schemas/frames.yaml."),
        Fixtures.problems("missing-file/chat.yaml"));
  }

  @Test
  void refCycleNamesEveryStep() {
    assertEquals(List.of("ref-cycle.yaml#/components/schemas/PingAlias (line 17): "
        + "$ref '#/components/schemas/Ping' closes a cycle: "
        + "/components/schemas/Ping -> /components/schemas/PingAlias -> /components/schemas/Ping. "
        + "A chain of references must end at an object that is not itself only a reference."),
        Fixtures.problems("ref-cycle.yaml"));
  }

  @Test
  void messageRefCycleIsFoundToo() {
    assertEquals(List.of("message-ref-cycle.yaml#/components/messages/pong (line 16): "
        + "$ref '#/components/messages/ping' closes a cycle: "
        + "/components/messages/ping -> /components/messages/pong -> /components/messages/ping. "
        + "A chain of references must end at an object that is not itself only a reference."),
        Fixtures.problems("message-ref-cycle.yaml"));
  }

  @Test
  void messagesThatCannotBeToldApart() {
    assertEquals(List.of("cannot-be-told-apart.yaml#/channels/chat/messages/shout (line 15): "
        + "message 'shout' of channel 'chat' can never be read: every frame its payload "
        + "(cannot-be-told-apart.yaml#/channels/chat/messages/shout/payload, line 16) accepts, the payload of 'say' "
        + "(cannot-be-told-apart.yaml#/channels/chat/messages/say/payload, line 10) accepts too, and 'say' is tried "
        + "first. Give each a property with its own const value (such as type), or a required key that only one of "
        + "them has."),
        Fixtures.problems("cannot-be-told-apart.yaml"));
  }

  @Test
  void structuralProblemsAreAllReportedInLineOrder() {
    assertEquals(List.of(
        "structure-problems.yaml#/channels/chat/adress (line 7): unknown field 'adress'. Did you mean 'address'?",
        "structure-problems.yaml#/channels/chat/title (line 9): 'title' must be a string.",
        "structure-problems.yaml#/channels/chat/parameters/user (line 11): parameter 'user' of channel 'chat' "
            + "is not in its address 'ws/chat/{room}/'. Add {user} to the address, or remove the parameter.",
        "structure-problems.yaml#/operations/handle_say/action (line 22): 'action' cannot be 'recieve'. "
            + "Use send or receive."),
        Fixtures.problems("structure-problems.yaml"));
  }

  @Test
  void unknownVersionIsNamed() {
    assertEquals(List.of("unknown-version.yaml#/asyncapi (line 1): AsyncAPI version '4.0.0' is not supported. "
        + "Use asyncapi: 3.0.0 (2.0 to 2.6, 3.0 and 3.1 are read)."),
        Fixtures.problems("unknown-version.yaml"));
  }

  @Test
  void missingRootFileIsNamedAsGiven() {
    SpecException e = assertThrows(SpecException.class,
        () -> SpecReader.read(Path.of("src/test/resources/read/no-such.yaml"), null));
    SpecProblem problem = e.problems().get(0);
    assertEquals("no-such.yaml", problem.file());
    assertEquals("the file does not exist", problem.message());
  }

  @Test
  void problemsNeverNameAbsolutePaths() {
    SpecException e = assertThrows(SpecException.class,
        () -> SpecReader.read(Fixtures.path("missing-file/chat.yaml").toAbsolutePath(), null));
    assertEquals("schemas/frames.yaml", e.problems().get(0).file());
  }
}
