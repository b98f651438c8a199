package dev.chanx.server;

import dev.chanx.core.codec.TextFrame;
import java.nio.ByteBuffer;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;
import org.eclipse.jetty.http.HttpFields;
import org.eclipse.jetty.io.ArrayByteBufferPool;
import org.eclipse.jetty.io.ByteArrayEndPoint;
import org.eclipse.jetty.websocket.core.CoreSession;

/**
 * One server node's fan-out without sockets, for the fan-out benchmark: connections set up as a
 * socket opening sets them up (registered on the node, an outbox each, one group joined), their
 * outboxes writing through the default transport to an endpoint that takes every byte at once (or,
 * with {@link #jetty}, to a Jetty WebSocket session that completes every frame at once). A documented probe:
 * it lives in the server's test-jar, beside the internal connections and outboxes it drives, and
 * the benchmark uses only its public methods.
 */
public final class FanoutProbe {

  private static final CoreSession WRITES_AT_ONCE = new CoreSession.Empty();
  private static final ArrayByteBufferPool POOL = new ArrayByteBufferPool();

  private final Node node = new Node();
  private final ChanxConnection<?, ?>[] connections;
  private final List<String> group = List.of("bench/room");
  private final Supplier<Socket> sockets;

  private FanoutProbe(int members, Supplier<Socket> sockets) {
    this.sockets = sockets;
    node.layer.start(node.connections);
    connections = new ChanxConnection<?, ?>[members];
    for (int i = 0; i < members; i++) {
      connections[i] = open(this, "room");
    }
  }

  /** A node with this many connections, all in one group, on the default transport. */
  public static FanoutProbe of(int members) {
    return new FanoutProbe(members, FanoutProbe::leanSocket);
  }

  /** The same on Jetty's WebSocket implementation, the transport when compression is on. */
  public static FanoutProbe jetty(int members) {
    return new FanoutProbe(members, () -> new JettySocket(WRITES_AT_ONCE));
  }

  /** Opens one connection on a node as a socket does and joins it to a group; returns it, to keep it reachable. */
  public static Object openOne(FanoutProbe on, String room) {
    return open(on, room);
  }

  /** {@return a default-transport socket whose every write completes at once, the bytes dropped} */
  static Socket leanSocket() {
    return new LeanSocket(new TakesEverything(), Runnable::run, POOL, null, Limits.DEFAULTS.maxFrameSize(),
        Limits.DEFAULTS.maxBinaryFrameSize(), 60_000,
        false);
  }

  /** An endpoint whose every write completes at once, the bytes dropped. */
  private static final class TakesEverything extends ByteArrayEndPoint {

    @Override
    public boolean flush(ByteBuffer... buffers) {
      for (ByteBuffer buffer : buffers) {
        buffer.position(buffer.limit());
      }
      return true;
    }
  }

  private static ChanxConnection<?, ?> open(FanoutProbe on, String room) {
    Node node = on.node;
    ChanxConnection<?, ?> connection = new ChanxConnection<>(node.ids.next(), node.groups("bench/"), room,
        new UpgradeInfo("/ws/bench/" + room + "/", Map.of(), HttpFields.EMPTY));
    connection.admit(ChannelSettings.DEFAULTS, null);
    connection.attach(new Outbox(connection.id(), on.sockets.get(), Limits.DEFAULTS));
    node.connections.add(connection);
    connection.join(room);
    return connection;
  }

  /** Sends one frame to the group except its first member, as {@code broadcastToOthers} does after serialising. */
  public void broadcastToOthers(TextFrame frame) {
    node.layer.groupSend(group, frame, connections[0].id());
  }
}
