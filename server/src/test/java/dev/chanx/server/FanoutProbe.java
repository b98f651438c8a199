package dev.chanx.server;

import dev.chanx.core.codec.TextFrame;
import dev.chanx.server.telemetry.ChannelTelemetry;
import dev.chanx.server.telemetry.Telemetry;
import java.util.List;
import java.util.Map;
import org.eclipse.jetty.http.HttpFields;
import org.eclipse.jetty.websocket.core.CoreSession;

/**
 * One server node's fan-out without sockets, for the fan-out benchmark: connections set up as a
 * socket opening sets them up (registered on the node, an outbox each, one group joined), their
 * outboxes writing to a Jetty session that completes every frame at once. A documented probe:
 * it lives in the server's test-jar, beside the internal connections and outboxes it drives, and
 * the benchmark uses only its public methods.
 */
public final class FanoutProbe {

  private static final CoreSession WRITES_AT_ONCE = new CoreSession.Empty();

  private final Node node = new Node();
  private final ChanxConnection<?, ?>[] connections;
  private final List<String> group = List.of("bench/room");

  private final ChannelTelemetry telemetry;

  private FanoutProbe(int members, Telemetry observed) {
    telemetry = observed.channel("bench", "ws/bench/{room}/");
    node.connections.telemetry(observed.layer());
    node.layer.start(node.connections);
    connections = new ChanxConnection<?, ?>[members];
    for (int i = 0; i < members; i++) {
      connections[i] = open(node, "room");
    }
  }

  /** A node with this many connections, all in one group. */
  public static FanoutProbe of(int members) {
    return new FanoutProbe(members, Telemetry.OFF);
  }

  /** A node with this many connections, all in one group, telling this telemetry (channel {@code bench}). */
  public static FanoutProbe of(int members, Telemetry telemetry) {
    return new FanoutProbe(members, telemetry);
  }

  /** Opens one connection on a node as a socket does and joins it to a group; returns it, to keep it reachable. */
  public static Object openOne(FanoutProbe on, String room) {
    return on.open(on.node, room);
  }

  private ChanxConnection<?, ?> open(Node node, String room) {
    ChanxConnection<?, ?> connection = new ChanxConnection<>(node.ids.next(), node.groups("bench/"), room,
        new UpgradeInfo("/ws/bench/" + room + "/", Map.of(), HttpFields.EMPTY));
    connection.admit(ChannelSettings.DEFAULTS, null);
    connection.watch(telemetry);
    connection.attach(new Outbox(connection.id(), WRITES_AT_ONCE, Limits.DEFAULTS));
    node.connections.add(connection);
    connection.join(room);
    return connection;
  }

  /** Sends one frame to the group except its first member, as {@code broadcastToOthers} does after serialising. */
  public void broadcastToOthers(TextFrame frame) {
    node.layer.groupSend(group, frame, connections[0].id());
  }
}
