package dev.chanx.server;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.chanx.core.codec.TextFrame;
import dev.chanx.server.testing.ChatRoom;
import dev.chanx.server.testing.chat.ChatClientMessage;
import dev.chanx.server.testing.chat.ChatDispatcher;
import dev.chanx.server.testing.chat.ChatHandler;
import dev.chanx.server.testing.chat.ChatPath;
import dev.chanx.server.testing.chat.ChatServerMessage;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.eclipse.jetty.http.HttpFields;
import org.junit.jupiter.api.Test;

/** The pipeline under a channel's settings: {@code complete} after every frame, whatever became of it. */
class FramePipelineSettingsTest {

  private static final String COMPLETE = "{\"action\":\"complete\",\"payload\":null}";

  @Test
  void completeFollowsEveryFrameAnsweredFailedOrRefused() {
    ChannelSettings settings = ChannelSettings.DEFAULTS.withCompletionFrames(true);
    assertEquals(List.of("{\"action\":\"pong\",\"payload\":null,\"ref\":1}", COMPLETE), run(settings, "{\"action\":\"ping\",\"ref\":1}"));
    assertEquals(2, run(settings, "{\"action\":\"boom\"}").size());
    assertEquals(2, run(settings, "{\"action\":\"nope\"}").size());
    assertEquals(2, run(settings, "[1]").size());
    assertEquals(COMPLETE, run(settings, "{}}").get(1));
  }

  @Test
  void withoutTheSettingOnlyTheAnswerGoesOut() {
    assertEquals(List.of("{\"action\":\"pong\",\"payload\":null}"), run(ChannelSettings.DEFAULTS, "{\"action\":\"ping\"}"));
  }

  private static List<String> run(ChannelSettings settings, String text) {
    Node node = new Node();
    FramePipeline<ChatHandler, ChatClientMessage, ChatServerMessage, ChatPath> pipeline =
        new FramePipeline<>(ChatDispatcher.create(), new ChatRoom(), new Guard(Limits.DEFAULTS), settings);
    ChanxConnection<ChatServerMessage, ChatPath> connection = new ChanxConnection<>("test.1", node.groups("chat/"),
        new ChatPath("r"), new UpgradeInfo("/ws/chat/r/", Map.of(), HttpFields.EMPTY));
    connection.admit(settings, null);
    List<TextFrame> out = new ArrayList<>();
    connection.attach(out::add);
    pipeline.onText(connection, text);
    return out.stream().map(TextFrame::text).toList();
  }
}
