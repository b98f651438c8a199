package dev.chanx.server;

import dev.chanx.core.codec.TextFrame;
import dev.chanx.server.layer.ChannelLayer;
import dev.chanx.server.layer.History;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
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

  private RecoveryProbe(ChannelLayer layer, int members, History history) {
    if (layer != null) {
      node.layer = layer;
    }
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
    return new RecoveryProbe(null, members, recoverable ? new History(Duration.ofMinutes(2), size) : null);
  }

  /**
   * {@return a node on this layer, which it starts, with no connection, its group sends recoverable}
   *
   * @param layer the channel layer, not started
   * @param size how many frames each group keeps (two minutes)
   */
  public static RecoveryProbe over(ChannelLayer layer, int size) {
    return new RecoveryProbe(layer, 0, new History(Duration.ofMinutes(2), size));
  }

  /** Stops the layer. */
  public void stop() {
    node.layer.stop();
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

  /**
   * As {@link #reconnect}, on a layer that may answer on its own threads, into an outbox on a
   * socket whose every write completes at once: the server's time to restore, from the resume
   * request (the socket's opening with {@code chanx_recover}) until the recovery frame and the
   * missed frames are queued on the socket.
   *
   * @param epoch the room's epoch, as {@link #epoch()} tells
   * @param offset the last offset the client got
   * @param missed how many frames the client missed
   * @return the nanoseconds from the reconnect's start until its last frame was queued, read on
   *     the thread that queued it
   * @throws TimeoutException when they are not all queued within 5 s
   */
  public long restore(String epoch, long offset, int missed) throws InterruptedException, TimeoutException {
    long start = System.nanoTime();
    String recover = "{\"room\":{\"epoch\":\"" + epoch + "\",\"offset\":" + offset + "}}";
    ChanxConnection<?, ?> connection = new ChanxConnection<>(node.ids.next(), groups, "room",
        new UpgradeInfo("/ws/bench/room/", Map.of(RecoveryFrames.PARAMETER, List.of(recover)), HttpFields.EMPTY));
    connection.admit(ChannelSettings.DEFAULTS, null);
    connection.recoverable();
    Queued queued = new Queued(new Outbox(connection.id(), FanoutProbe.leanSocket(), Limits.DEFAULTS), missed + 1);
    connection.attach(queued);
    node.connections.add(connection);
    connection.join("room");
    Recovery.start(connection);
    try {
      if (!queued.all.await(5, TimeUnit.SECONDS)) {
        throw new TimeoutException(queued.count + " frames queued, not " + (missed + 1));
      }
      return queued.last - start;
    } finally {
      node.connections.remove(connection);
      connection.closed();
    }
  }

  /** An outbox's frames counted, and the time the last expected one was queued. */
  private static final class Queued implements FrameSink {

    private final FrameSink outbox;
    private final int expected;
    private final CountDownLatch all = new CountDownLatch(1);
    // Written by the one thread that queues, read after the latch (or for a message).
    private int count;
    private long last;

    Queued(FrameSink outbox, int expected) {
      this.outbox = outbox;
      this.expected = expected;
    }

    @Override
    public void send(TextFrame frame) {
      outbox.send(frame);
      queued();
    }

    @Override
    public void replay(TextFrame frame) {
      outbox.replay(frame);
      queued();
    }

    private void queued() {
      // One thread queues a connection's frames at a time: the recovery's.
      if (++count == expected) {
        last = System.nanoTime();
        all.countDown();
      }
    }
  }

  /** {@return the room's epoch} */
  public String epoch() {
    return groups.history("room", null).join().epoch();
  }
}
