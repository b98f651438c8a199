package dev.chanx.server;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import dev.chanx.core.codec.FrameWriter;
import dev.chanx.core.codec.TextFrame;
import dev.chanx.core.message.Decoded;
import dev.chanx.core.message.ValidationError;
import dev.chanx.server.channel.ChannelEvents;
import dev.chanx.server.channel.Connection;
import dev.chanx.server.testing.chat.ChatHandler;
import dev.chanx.server.testing.chat.ChatPath;
import dev.chanx.server.testing.chat.ChatServerMessage;
import dev.chanx.server.testing.chat.NoticeMessage;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;
import org.eclipse.jetty.http.HttpFields;
import org.junit.jupiter.api.Test;

/**
 * A push on the node that delivers it: decoded once, transformed per connection, and sent as the
 * one frame serialised for all to every connection whose transform left it as it was.
 */
class PushDeliveryTest {

  private static final UpgradeInfo UPGRADE = new UpgradeInfo("/ws/chat/room/", Map.of(), HttpFields.EMPTY);

  /** Events of the test chat: notices decode; connection .2 gets them upper-cased, .3 gets none. */
  private static final class NoticeEvents implements ChannelEvents<ChatHandler, ChatServerMessage, ChatPath> {
    final AtomicInteger decoded = new AtomicInteger();

    @Override
    public Decoded<ChatServerMessage> decode(JsonNode frame) {
      decoded.incrementAndGet();
      if (!frame.path("action").asText().equals("notice")) {
        return Decoded.invalid(null, List.of(new ValidationError("union_tag_invalid", List.of(), "not a notice")));
      }
      return Decoded.valid("notice", new NoticeMessage(frame.path("payload").asText()));
    }

    @Override
    public ChatServerMessage transform(ChatServerMessage event, ChatHandler handler,
        Connection<ChatServerMessage, ChatPath> connection) {
      if (connection.id().endsWith(".2")) {
        return new NoticeMessage(((NoticeMessage) event).payload().toUpperCase(Locale.ROOT));
      }
      return connection.id().endsWith(".3") ? null : event;
    }
  }

  private final Node node = new Node();
  private final LocalConnections open = new LocalConnections("n");
  private final List<List<TextFrame>> received = new ArrayList<>();

  private void connect(PushDelivery<ChatHandler, ChatServerMessage, ChatPath> delivery, int count) {
    for (int i = 1; i <= count; i++) {
      List<TextFrame> frames = new ArrayList<>();
      ChanxConnection<ChatServerMessage, ChatPath> connection =
          new ChanxConnection<>("n." + i, node.groups("chat/"), new ChatPath("room"), UPGRADE);
      connection.attach(frames::add);
      connection.pushes((marked, replayed) -> delivery.deliver(connection, marked, replayed));
      open.add(connection);
      received.add(frames);
    }
  }

  private void deliverToAll(TextFrame frame) {
    for (int i = 1; i <= received.size(); i++) {
      open.deliver("n." + i, frame);
    }
  }

  @Test
  void aPushIsDecodedOnceAndSentAsOneSharedFrameWhereverItIsUnchanged() {
    NoticeEvents events = new NoticeEvents();
    connect(new PushDelivery<>("chat", events, null), 4);
    TextFrame marked = PushFrames.mark(FrameWriter.write(new NoticeMessage("hi")));

    deliverToAll(marked);

    assertEquals(1, events.decoded.get());
    assertEquals("{\"action\":\"notice\",\"payload\":\"hi\"}", received.get(0).get(0).text());
    assertSame(received.get(0).get(0), received.get(3).get(0), "serialised once for every unchanged connection");
    assertEquals("{\"action\":\"notice\",\"payload\":\"HI\"}", received.get(1).get(0).text());
    assertEquals(List.of(), received.get(2), "its transform dropped it");
  }

  @Test
  void aPushThatDoesNotDecodeReachesNobody() {
    connect(new PushDelivery<>("chat", new NoticeEvents(), null), 2);

    deliverToAll(PushFrames.mark(TextFrame.of("{\"action\":\"unknown\",\"payload\":1}")));

    assertEquals(List.of(List.of(), List.of()), received);
  }

  @Test
  void withoutEventsAPushGoesOutAsItWasSerialisedAndFramesWithoutTheMarkerAreNotPushes() {
    connect(new PushDelivery<>("chat", null, null), 2);
    TextFrame plain = FrameWriter.write(new NoticeMessage("plain"));

    deliverToAll(PushFrames.mark(plain));
    deliverToAll(plain);

    assertTrue(PushFrames.isMarked(PushFrames.mark(plain)));
    assertFalse(PushFrames.isMarked(plain));
    for (List<TextFrame> frames : received) {
      assertEquals(List.of(plain.text(), plain.text()), frames.stream().map(TextFrame::text).toList());
    }
    assertSame(received.get(0).get(0), received.get(1).get(0));
  }
}
