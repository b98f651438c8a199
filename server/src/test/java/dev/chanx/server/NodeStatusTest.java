package dev.chanx.server;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.chanx.core.codec.TextFrame;
import java.util.Map;
import java.util.concurrent.ConcurrentLinkedQueue;
import org.eclipse.jetty.http.HttpFields;
import org.eclipse.jetty.util.Callback;
import org.eclipse.jetty.websocket.core.CoreSession;
import org.eclipse.jetty.websocket.core.OutgoingEntry;
import org.junit.jupiter.api.Test;

/** The gauges' view of the outgoing queues: each channel sums only its own sockets' unwritten frames. */
class NodeStatusTest {

  /** A session that keeps every frame unwritten until the test writes it. */
  private static final class HeldSession extends CoreSession.Empty {
    final ConcurrentLinkedQueue<Callback> unwritten = new ConcurrentLinkedQueue<>();

    @Override
    public void sendFrame(OutgoingEntry entry) {
      unwritten.add(entry.getCallback());
    }

    void writeAll() {
      for (Callback callback = unwritten.poll(); callback != null; callback = unwritten.poll()) {
        callback.succeeded();
      }
    }
  }

  private final Node node = new Node();
  private final NodeStatus status = new NodeStatus(node, new Guard(Limits.DEFAULTS));

  private ChanxConnection<?, ?> open(String channel, HeldSession session) {
    ChanxConnection<?, ?> connection = new ChanxConnection<>(node.ids.next(), node.groups(channel + "/"), "room",
        new UpgradeInfo("/ws/" + channel + "/room/", Map.of(), HttpFields.EMPTY));
    connection.opened(new JettySocket(session), Limits.DEFAULTS);
    node.connections.add(connection);
    return connection;
  }

  @Test
  void eachChannelCountsOnlyItsOwnSockets() {
    HeldSession chat = new HeldSession();
    HeldSession chat2 = new HeldSession();
    HeldSession prices = new HeldSession();
    open("chat", chat).deliver(TextFrame.of("x".repeat(10)));
    ChanxConnection<?, ?> second = open("chat", chat2);
    second.deliver(TextFrame.of("y".repeat(20)));
    second.deliver(TextFrame.of("z".repeat(30)));
    open("prices", prices).deliver(TextFrame.of("p".repeat(7)));

    assertEquals(3, status.queuedFrames("chat"));
    assertEquals(60, status.queuedBytes("chat"));
    assertEquals(1, status.queuedFrames("prices"));
    assertEquals(7, status.queuedBytes("prices"));
    assertEquals(0, status.queuedFrames("chatroom"));

    chat2.writeAll();
    assertEquals(1, status.queuedFrames("chat"));
    assertEquals(10, status.queuedBytes("chat"));
    assertEquals(1, status.queuedFrames("prices"));
  }
}
