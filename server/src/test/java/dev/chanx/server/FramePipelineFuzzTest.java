package dev.chanx.server;

import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.code_intelligence.jazzer.junit.FuzzTest;
import dev.chanx.core.codec.TextFrame;
import dev.chanx.server.testing.ChatRoom;
import dev.chanx.server.testing.chat.ChatClientMessage;
import dev.chanx.server.testing.chat.ChatDispatcher;
import dev.chanx.server.testing.chat.ChatHandler;
import dev.chanx.server.testing.chat.ChatPath;
import dev.chanx.server.testing.chat.ChatServerMessage;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.eclipse.jetty.http.HttpFields;

/**
 * The frame pipeline with the test chat channel, fed any text: it never throws, answers with
 * at most one frame, and every frame it answers with has the wire protocol's shape.
 *
 * <p>Seeds: {@code FramePipelineFuzzTestInputs/} beside this class in the test resources.
 * {@code mvn test} replays them; {@code JAZZER_FUZZ=1} fuzzes (see the README).
 */
class FramePipelineFuzzTest {

  private static final ChatRoom ROOM = new ChatRoom();
  private static final Guard GUARD = new Guard(Limits.DEFAULTS);
  private static final Node NODE = new Node();
  private static final FramePipeline<ChatHandler, ChatClientMessage, ChatServerMessage, ChatPath> PIPELINE =
      new FramePipeline<>(ChatDispatcher.create(), ROOM, GUARD);
  private static final UpgradeInfo UPGRADE = new UpgradeInfo("/ws/chat/fuzz/", Map.of(), HttpFields.EMPTY);

  static {
    // The slow handler waits at this gate: keep it open so that no input can stall the fuzzer.
    ROOM.gate.countDown();
  }

  // No JUnit @Timeout here: in fuzzing mode it would bound the whole session, not one input.
  @FuzzTest(maxDuration = "5m")
  void anyTextGetsAtMostOneWellFormedFrameAndNeverThrows(byte[] input) {
    // Jetty hands over only valid UTF-8 (anything else closes with 1007): decode the same way.
    String text = new String(input, StandardCharsets.UTF_8);
    List<TextFrame> out = new ArrayList<>(1);
    ChanxConnection<ChatServerMessage, ChatPath> connection =
        new ChanxConnection<>("fuzz.1", NODE.groups("chat/"), new ChatPath("fuzz"), UPGRADE);
    connection.attach(out::add);
    PIPELINE.onText(connection, text);
    assertTrue(out.size() <= 1, "answered with " + out.size() + " frames");
    for (TextFrame frame : out) {
      assertNull(WireShape.problem(frame.text()), frame.text());
    }
  }
}
