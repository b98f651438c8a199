package dev.chanx.testkit;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.chanx.server.ChannelPublisher;
import dev.chanx.server.ChanxServer;
import dev.chanx.server.testing.ChatRoom;
import dev.chanx.server.testing.chat.ChatRoute;
import dev.chanx.server.testing.chat.ChatServerMessage;
import dev.chanx.server.testing.chat.NoticeMessage;
import dev.chanx.testkit.CapturingPublisher.Push;
import java.util.List;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.extension.RegisterExtension;

/** Broadcasts and pushes captured where they pass: at the channel layer, or at a publisher stand-in. */
@Timeout(value = 60, unit = TimeUnit.SECONDS)
class CaptureTest {

  private static final CapturingLayer LAYER = new CapturingLayer();

  @RegisterExtension
  static ChanxServerExtension server = ChanxServerExtension.of(() -> ChatServers.chat(new ChatRoom(), config -> config
      .layer(LAYER)));

  @BeforeEach
  void forget() {
    LAYER.clear();
  }

  @Test
  void pushesReachTheLayerWithoutAnyClientConnected() {
    ChannelPublisher<ChatServerMessage> publisher = server.server().publisher(ChatRoute.create());
    publisher.broadcast(new NoticeMessage("maintenance at noon"), "room1", "room2");
    publisher.send("nobody.1", new NoticeMessage("just you"));
    List<CapturingLayer.Captured> captured = LAYER.captured();
    assertEquals(Set.of("chat/room1", "chat/room2"), captured.get(0).groups());
    assertEquals("{\"action\":\"notice\",\"payload\":\"maintenance at noon\"}", captured.get(0).text());
    assertEquals("nobody.1", captured.get(1).connectionId());
    assertEquals("notice", captured.get(1).frame().action());
  }

  @Test
  void aClientsBroadcastIsCapturedWithTheSenderLeftOut() {
    ChanxTestClient<?> ann = server.client("/ws/chat/room3/").connect();
    ann.send("{\"action\":\"new_chat_message\",\"payload\":{\"message\":\"hi\",\"name\":\"Ann\"}}");
    ann.send("{\"action\":\"ping\"}").expectAction("pong");
    List<Frame> frames = LAYER.sentTo("chat/room3");
    assertEquals(1, frames.size());
    assertEquals("hi", frames.get(0).payload().path("message").asText());
    assertEquals(1, LAYER.members("chat/room3").size());
  }

  @Test
  void aPublisherStandInRecordsWhatCodeUnderTestPushes() {
    CapturingPublisher<ChatServerMessage> publisher = new CapturingPublisher<>();
    // The code under test: a job that tells a room about maintenance.
    publisher.broadcast(new NoticeMessage("maintenance"), "room1");
    publisher.send("k3x9qa.1", new NoticeMessage("you"));
    assertEquals(List.of(new Push<>(new NoticeMessage("maintenance"), null, Set.of("room1")),
        new Push<>(new NoticeMessage("you"), "k3x9qa.1", Set.of())), publisher.pushes());
  }
}
