package dev.chanx.server;

import dev.chanx.core.codec.TextFrame;
import dev.chanx.server.layer.History;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.eclipse.jetty.http.HttpFields;

/**
 * One node's recoverable group sends without sockets, for the recovery benchmark: connections set
 * up as a socket opening sets them up (a recovery gate each when recoverable, an outbox writing to
 * a session that completes every frame at once), and a client that reconnects and recovers. A
 * documented probe beside the internals it drives; the benchmark uses only its public methods.
 */
public final class RecoveryProbe {

  private final Node node = new Node();
  private final ChannelGroups groups;
  private final ChanxConnection<?, ?>[] members;
  private final List<String> room;

  private RecoveryProbe(int members, History history) {
    node.layer.start(node.connections);
    groups = node.groups("bench/", history);
    room = groups.keys(List.of("room"));
    this.members = new ChanxConnection<?, ?>[members];
    for (int i = 0; i < members; i++) {
      this.members[i] = open("room", Map.of());
    }
  }

  /**
   * {@return a node with this many connections in group {@code room}, its sends recoverable or not}
   *
   * @param members how many connections join the room
   * @param recoverable whether the channel's group sends are recoverable (two minutes, {@code size} frames)
   * @param size how many frames each group keeps, when recoverable
   */
  public static RecoveryProbe of(int members, boolean recoverable, int size) {
    return new RecoveryProbe(members, recoverable ? new History(Duration.ofMinutes(2), size) : null);
  }

  private ChanxConnection<?, ?> open(String group, Map<String, List<String>> query) {
    ChanxConnection<?, ?> connection = new ChanxConnection<>(node.ids.next(), groups, group,
        new UpgradeInfo("/ws/bench/" + group + "/", query, HttpFields.EMPTY));
    connection.admit(ChannelSettings.DEFAULTS, null);
    if (groups.recoverable()) {
      connection.recoverable();
    }
    connection.attach(new Outbox(connection.id(), FanoutProbe.leanSocket(), Limits.DEFAULTS));
    node.connections.add(connection);
    connection.join(group);
    if (groups.recoverable()) {
      Recovery.start(connection);
    }
    return connection;
  }

  /**
   * Sends one frame to the room but its first member, as {@code broadcastToOthers} does after serialising.
   *
   * @param frame the frame
   */
  public void broadcastToOthers(TextFrame frame) {
    groups.send(room, frame, members[0].id(), null);
  }

  /**
   * Sends one frame to another group, which has no member here.
   *
   * @param group the group's name
   * @param frame the frame
   */
  public void publish(String group, TextFrame frame) {
    groups.send(groups.keys(List.of(group)), frame, null, null);
  }

  /**
   * A client that got the room's frames up to {@code offset} reconnects and recovers: joins, reads
   * the room's history, gets the recovery frame and the frames missed, then leaves.
   *
   * @param epoch the room's epoch, as {@link #epoch()} tells
   * @param offset the last offset the client got
   * @return how many frames it was sent, the recovery frame included
   */
  public int reconnect(String epoch, long offset) {
    int[] sent = {0};
    String recover = "{\"room\":{\"epoch\":\"" + epoch + "\",\"offset\":" + offset + "}}";
    ChanxConnection<?, ?> connection = new ChanxConnection<>(node.ids.next(), groups, "room",
        new UpgradeInfo("/ws/bench/room/", Map.of(RecoveryFrames.PARAMETER, List.of(recover)), HttpFields.EMPTY));
    connection.admit(ChannelSettings.DEFAULTS, null);
    connection.recoverable();
    connection.attach(frame -> sent[0]++);
    node.connections.add(connection);
    connection.join("room");
    Recovery.start(connection);
    node.connections.remove(connection);
    connection.closed();
    return sent[0];
  }

  /** {@return the room's epoch} */
  public String epoch() {
    return groups.history("room", null).join().epoch();
  }
}
