package dev.chanx.server;

import dev.chanx.core.codec.FrameWriter;
import com.fasterxml.jackson.databind.JsonNode;
import dev.chanx.server.channel.Connection;
import dev.chanx.server.channel.ReplyMatch;
import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import dev.chanx.server.layer.LocalRecipient;
import dev.chanx.server.presence.PresenceHub;
import dev.chanx.server.presence.PresenceConnection;
import dev.chanx.core.codec.TextFrame;
import dev.chanx.core.message.BinaryMessage;
import dev.chanx.core.message.Message;
import dev.chanx.server.telemetry.ChannelTelemetry;
import java.nio.ByteBuffer;
import java.lang.invoke.MethodHandles;
import java.lang.invoke.VarHandle;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.BiConsumer;

/**
 * One open socket on one channel: what its handler sees, plus delivery from the layer.
 *
 * <p>A server holds thousands of these, so a connection keeps little: counters are plain fields
 * updated through {@link VarHandle}s, the attribute map is made on first use, and the groups are
 * one small immutable map replaced on join and leave.
 */
final class ChanxConnection<S extends Message, P>
    implements Connection<S, P>, LocalRecipient, PresenceConnection, TopicSocket {

  private static final VarHandle ATTRIBUTES =
      FieldHandles.of(MethodHandles.lookup(), "attributes", ConcurrentHashMap.class);
  private static final VarHandle GROUPS = FieldHandles.of(MethodHandles.lookup(), "groups", Map.class);
  private static final VarHandle REPORTED = FieldHandles.of(MethodHandles.lookup(), "reported", int.class);
  private static final VarHandle FRAMES = FieldHandles.of(MethodHandles.lookup(), "frames", int.class);
  private static final VarHandle LIVENESS = FieldHandles.of(MethodHandles.lookup(), "liveness", int.class);
  private static final VarHandle GATE = FieldHandles.of(MethodHandles.lookup(), "gate", JoinGate.class);

  private final String id;
  private final ChannelGroups channelGroups;
  private final P path;
  private final UpgradeInfo upgrade;
  // Made on the first attribute stored: few handlers use them.
  private volatile ConcurrentHashMap<String, Object> attributes;
  // Group name as the handler knows it -> the layer's key for it, scoped to this channel;
  // immutable, replaced by compare-and-set.
  private volatile Map<String, String> groups = Map.of();
  private volatile int reported;
  private volatile int frames;
  // What the keepalive knows of the peer (Liveness); the reader's are release stores, so a frame pays no fence.
  private volatile int liveness;
  // Whether this node's open connections hold it, so frames from the layer may reach it.
  private volatile boolean local;
  private volatile Socket socket;
  private volatile FrameSink out;
  // Non-null while a join waits for the layer: what the socket is sent waits behind it.
  private volatile JoinGate gate;
  private volatile boolean closed;
  // Set once before the socket opens, by the channel that hosts it.
  // The channel's PushDelivery for this connection, as a function of a push and whether it is
  // replayed: PushDelivery takes connections, so a field of its type would make a loop of the two.
  private BiConsumer<TextFrame, Boolean> pushes;
  // Set once before the socket opens: the channel's settings and who the client is.
  private ChannelSettings settings = ChannelSettings.DEFAULTS;
  private Object principal;
  // Set once before the socket opens: the server's presence.
  private PresenceHub presence;
  // Made on the first topic frame: only channels with topics mounted have any.
  private volatile TopicSubscriptions topics;
  // Set once before the socket opens: what this connection tells the server's telemetry.
  private ChannelTelemetry telemetry = ChannelTelemetry.OFF;
  // Made on the first request the server sends this client: few channels have any.
  private volatile ServerRequests requests;
  // Set once before the socket opens on a recoverable channel, else null.
  private RecoveryGate recovery;
  // Set once before the socket opens when the channel's direct frames are recoverable, else null:
  // this connection's stream (see ConnectionStream), by its name on the wire and the layer's key.
  private String streamName;
  private String streamKey;

  ChanxConnection(String id, ChannelGroups channelGroups, P path, UpgradeInfo upgrade) {
    this.id = id;
    this.channelGroups = channelGroups;
    this.path = path;
    this.upgrade = upgrade;
  }

  void opened(Socket opened, Limits limits) {
    this.socket = opened;
    this.out = new Outbox(id, opened, limits, telemetry::slowConsumer);
  }

  /** Applies the channel's settings and the authenticated principal (or null), before the socket opens. */
  void admit(ChannelSettings channelSettings, Object who) {
    this.settings = channelSettings;
    this.principal = who;
  }

  /** Says what this connection tells the server's telemetry, before the socket opens. */
  void watch(ChannelTelemetry channelTelemetry) {
    this.telemetry = channelTelemetry;
  }

  /** What this connection tells the server's telemetry. */
  ChannelTelemetry telemetry() {
    return telemetry;
  }

  /** Makes this connection's frames from the layer pass a recovery gate: its channel's group sends are recoverable. */
  void recoverable() {
    this.recovery = new RecoveryGate(frame -> pass(frame, false), frame -> pass(frame, true));
  }

  /** Gives this connection a stream for the frames sent to it alone, before the socket opens. */
  void stream(String name) {
    this.streamName = name;
    this.streamKey = channelGroups.key(name);
  }

  /** The name of this connection's stream, or null when its direct frames are not recoverable. */
  String streamName() {
    return streamName;
  }

  /** Joins this connection's stream, if it has one: before {@code onConnect}, whose sends go there. */
  void joinStream() {
    if (streamKey != null) {
      holdUntil(channelGroups.add(streamKey, id), streamKey);
    }
  }

  /**
   * Holds what this socket is sent until {@code joined} completes, two seconds at most, so that
   * the client hears nothing more before the join is in effect on every node (see JoinGate).
   */
  @Override
  public void holdUntil(CompletableFuture<Void> joined, String key) {
    if (joined.isDone()) {
      return;
    }
    JoinGate entered;
    while (true) {
      JoinGate current = gate;
      if (current != null && current.enter()) {
        entered = current;
        break;
      }
      JoinGate fresh = new JoinGate(id, pastTheGate());
      if (GATE.compareAndSet(this, current, fresh)) {
        entered = fresh;
        break;
      }
    }
    entered.awaitJoin(joined, key, () -> GATE.compareAndSet(this, entered, null));
  }

  /** {@return this socket as a join's gate lets its held frames out} */
  private FrameSink pastTheGate() {
    return new FrameSink() {
      @Override
      public void send(TextFrame frame) {
        write(frame, false);
      }

      @Override
      public void replay(TextFrame frame) {
        write(frame, true);
      }

      @Override
      public void sendBinary(ByteBuffer data) {
        writeBinary(data);
      }
    };
  }

  @Override
  public Optional<String> stream() {
    return Optional.ofNullable(streamName);
  }

  /** The recovery gate, or null when the channel's group sends are not recoverable. */
  RecoveryGate recovery() {
    return recovery;
  }

  /** The channel's groups of this connection. */
  ChannelGroups channelGroups() {
    return channelGroups;
  }

  /** The channel's settings for this connection. */
  @Override
  public ChannelSettings settings() {
    return settings;
  }

  @Override
  public Connection<?, ?> connection() {
    return this;
  }

  /** The number of the next client frame on this connection, from 1. */
  int nextFrame() {
    return (int) FRAMES.getAndAdd(this, 1) + 1;
  }

  /** A frame's id in logs: this connection's id, a slash and the frame's number in base 36, such as {@code k3x9qa.1f/3}. */
  String frameId(int frame) {
    return id + "/" + Integer.toString(frame, 36);
  }

  /** Sends this connection's frames to a sink instead of a socket (tests and fuzzing). */
  void attach(FrameSink sink) {
    this.out = sink;
  }

  /** Where this connection's frames go, once opened. */
  FrameSink sink() {
    return out;
  }

  /** Whether this kind of violation is reported for the first time on this connection. */
  boolean firstTime(Violation kind) {
    int bit = kind.bit();
    return ((int) REPORTED.getAndBitwiseOr(this, bit) & bit) == 0;
  }

  /** The peer's liveness for the keepalive (a {@link Liveness} constant). */
  int liveness() {
    return (int) LIVENESS.getAcquire(this);
  }

  /** Moves the liveness on if it is still {@code expected}; false if the reader changed it first. */
  boolean liveness(int expected, int next) {
    return LIVENESS.compareAndSet(this, expected, next);
  }

  /** Called by the socket's reader: a frame of the peer is being handled ({@code true}) or was, or a pong came. */
  void reading(boolean busy) {
    LIVENESS.setRelease(this, busy ? Liveness.READING : Liveness.HEARD);
  }

  /** Sends a ping with an empty payload. */
  void ping() {
    Socket open = socket;
    if (open != null) {
      open.ping();
    }
  }

  /** Drops the TCP connection without a close handshake, for a peer that answers nothing. */
  void abort() {
    Socket open = socket;
    if (open != null) {
      open.abort();
    }
  }

  /** This socket's topic subscriptions, made on first use. */
  TopicSubscriptions topics() {
    TopicSubscriptions t = topics;
    if (t == null) {
      synchronized (this) {
        t = topics;
        if (t == null) {
          t = new TopicSubscriptions();
          topics = t;
        }
      }
    }
    return t;
  }

  /** Ends every topic subscription, leaves every group and undoes its presence; later joins are refused. */
  void closed() {
    closed = true;
    TopicSubscriptions t = topics;
    if (t != null) {
      t.closeAll();
    }
    ServerRequests waiting = requests;
    if (waiting != null) {
      waiting.closed();
    }
    for (String group : groups.keySet()) {
      leave(group);
    }
    if (streamKey != null) {
      channelGroups.discard(streamKey, id);
    }
    if (presence != null) {
      presence.closed(id);
    }
  }

  /** Says which presence this connection's handler tracks it in, before the socket opens. */
  void presence(PresenceHub hub) {
    this.presence = hub;
  }

  @Override
  public String presenceScope(String group) {
    return channelGroups.key(group);
  }

  @Override
  public boolean presenceOpen() {
    return !closed;
  }

  @Override
  public PresenceHub presenceHub() {
    if (presence == null) {
      throw new IllegalStateException("this connection's server has no presence");
    }
    return presence;
  }

  /**
   * {@return whether a client's {@code presence_request} was answered, with the group's state again;
   * false when this connection does not receive that group's presence, so the frame is handled as any other}
   *
   * @param group the group named by the request, or null
   */
  boolean presenceRequest(String group) {
    return presence != null && group != null && presence.request(this, group);
  }

  @Override
  public void presenceFrame(TextFrame frame) {
    deliver(frame);
  }

  /** Set by this node's open connections when they take it in and let it go. */
  void local(boolean open) {
    local = open;
  }

  /** A frame from the channel layer: a push for the channel's transforms, or a frame to queue. */
  @Override
  public boolean receive(TextFrame frame) {
    if (!local) {
      return false;
    }
    if (recovery != null) {
      recovery.receive(frame);
    } else {
      pass(frame, false);
    }
    return true;
  }

  /**
   * Queues a frame from the layer, or hands a push to the channel's transforms; a frame replayed
   * for a recovering client is not counted against the socket's queue bound.
   */
  private void pass(TextFrame frame, boolean replayed) {
    if (PushFrames.isMarked(frame)) {
      push(frame, replayed);
    } else {
      deliver(frame, replayed);
    }
  }

  /** Queues an already-serialised frame for this socket. */
  @Override
  public void deliver(TextFrame frame) {
    deliver(frame, false);
  }

  /**
   * Queues an already-serialised frame for this socket; a replayed one whatever the queue's bound
   * (see {@link FrameSink#replay}).
   */
  void deliver(TextFrame frame, boolean replayed) {
    JoinGate joining = gate;
    if (joining == null || !joining.hold(frame, replayed)) {
      write(frame, replayed);
    }
  }

  /** Queues a frame on the socket now, past any join's gate. */
  private void write(TextFrame frame, boolean replayed) {
    FrameSink sink = out;
    if (sink != null) {
      if (settings.logContents()) {
        FrameLog.sent(id, frame);
      }
      telemetry.sent(frame.length());
      if (replayed) {
        sink.replay(frame);
      } else {
        sink.send(frame);
      }
    }
  }

  /** Queues binary data for this socket, in one binary frame. */
  void deliverBinary(ByteBuffer data) {
    JoinGate joining = gate;
    if (joining == null || !joining.holdBinary(data)) {
      writeBinary(data);
    }
  }

  /** Queues binary data on the socket now, past any join's gate. */
  private void writeBinary(ByteBuffer data) {
    FrameSink sink = out;
    if (sink != null) {
      if (settings.logContents()) {
        FrameLog.sentBinary(id, data.remaining());
      }
      telemetry.sent(data.remaining());
      sink.sendBinary(data);
    }
  }

  /** Says how pushes reach this connection: through its channel's event transforms, told whether a push is replayed. */
  void pushes(BiConsumer<TextFrame, Boolean> delivery) {
    this.pushes = delivery;
  }

  /** Hands a push from the layer to the channel's transform for this connection; without one it is dropped. */
  private void push(TextFrame marked, boolean replayed) {
    BiConsumer<TextFrame, Boolean> delivery = pushes;
    if (delivery != null) {
      delivery.accept(marked, replayed);
    }
  }

  @Override public String id() { return id; }

  @Override public P path() { return path; }

  @Override public String requestPath() { return upgrade.path(); }

  @Override public Map<String, List<String>> queryParameters() { return upgrade.query(); }

  @Override
  public Optional<String> queryParameter(String name) {
    List<String> values = upgrade.query().get(name);
    return values == null || values.isEmpty() ? Optional.empty() : Optional.of(values.get(0));
  }

  @Override
  public Optional<String> header(String name) {
    return Optional.ofNullable(upgrade.headers().get(name));
  }

  @Override
  @SuppressWarnings("unchecked")
  public <T> Optional<T> principal() {
    return Optional.ofNullable((T) principal);
  }

  @Override
  @SuppressWarnings("unchecked")
  public <T> T attribute(String key) {
    Objects.requireNonNull(key, "key");
    Map<String, Object> map = attributes;
    return map == null ? null : (T) map.get(key);
  }

  @Override
  public void attribute(String key, Object value) {
    Objects.requireNonNull(key, "key");
    Map<String, Object> map = attributes;
    if (value == null) {
      if (map != null) {
        map.remove(key);
      }
      return;
    }
    if (map == null) {
      ATTRIBUTES.compareAndSet(this, null, new ConcurrentHashMap<String, Object>());
      map = attributes;
    }
    map.put(key, value);
  }

  @Override
  public void send(S message) {
    if (message instanceof BinaryMessage binary) {
      deliverBinary(binary.data());
      return;
    }
    TextFrame frame = FrameWriter.write(message, null, CamelCaseGenerator.when(settings.camelCase()));
    if (streamKey != null) {
      // Through the layer, into the stream: recorded even while the client is away, and ordered
      // with what the stream replays when it comes back.
      channelGroups.send(List.of(streamKey), frame, null, null);
      return;
    }
    deliver(frame);
  }

  @Override
  public <R> CompletableFuture<R> request(S request, ReplyMatch<R> match, Duration timeout) {
    Objects.requireNonNull(request, "request");
    Objects.requireNonNull(match, "match");
    Objects.requireNonNull(timeout, "timeout");
    ServerRequests waiting = serverRequests();
    ServerRequests.Outgoing<R> outgoing = waiting.register(request, request.getClass().getSimpleName(), match, timeout);
    if (!outgoing.future().isDone()) {
      try {
        deliver(FrameWriter.write(request::writeFields, outgoing.ref(), CamelCaseGenerator.when(settings.camelCase())));
      } catch (RuntimeException e) {
        waiting.failed(outgoing.future(), e);
      }
    }
    return outgoing.future();
  }

  private ServerRequests serverRequests() {
    ServerRequests waiting = requests;
    if (waiting == null) {
      synchronized (this) {
        waiting = requests;
        if (waiting == null) {
          waiting = new ServerRequests(id);
          if (closed) {
            waiting.closed();
          }
          requests = waiting;
        }
      }
    }
    return waiting;
  }

  /** Fails the request of the server's that an invalid client frame names by {@code ref}; false when none. */
  boolean refusesReply(JsonNode ref, Object errors) {
    ServerRequests waiting = requests;
    return waiting != null && waiting.refuse(ref, errors);
  }

  /** Completes the request of the server's that a client message answers; false when it answers none. */
  boolean answers(JsonNode ref, Message message) {
    ServerRequests waiting = requests;
    return waiting != null && waiting.answer(ref, message);
  }

  @Override
  public void broadcast(S message) {
    groupSend(groupKeys(), message, null);
  }

  @Override
  public void broadcastToOthers(S message) {
    groupSend(groupKeys(), message, id);
  }

  /** The layer's keys of the groups joined. */
  Collection<String> groupKeys() {
    return groups.values();
  }

  @Override
  public void broadcast(S message, Collection<String> groupNames, boolean excludeSelf) {
    groupSend(channelGroups.keys(groupNames), message, excludeSelf ? id : null);
  }

  /** Sends to groups (by the layer's keys), then {@code group_complete} to the same members if the channel says so. */
  private void groupSend(Collection<String> keys, S message, String exclude) {
    TextFrame frame = FrameWriter.write(BinaryFrames.notBinary(message), null,
        CamelCaseGenerator.when(settings.camelCase()));
    channelGroups.send(keys, frame, exclude, settings.completionFrames() ? CompletionFrames.GROUP_COMPLETE : null);
  }

  @Override
  public void join(String group) {
    if (streamKey != null && ConnectionStream.isStream(group)) {
      throw new IllegalArgumentException("group names starting with '" + ConnectionStream.PREFIX
          + "' are the connections' own streams on this channel: " + group);
    }
    String key = channelGroups.key(group);
    if (closed || groups.containsKey(group)) {
      return;
    }
    Map<String, String> before;
    Map<String, String> after;
    do {
      before = groups;
      if (before.containsKey(group)) {
        return;
      }
      after = with(before, group, key);
    } while (!GROUPS.compareAndSet(this, before, after));
    holdUntil(channelGroups.add(key, id), key);
    if (closed) {
      leave(group);
    }
  }

  @Override
  public void leave(String group) {
    Map<String, String> before;
    Map<String, String> after;
    String key;
    do {
      before = groups;
      key = before.get(group);
      if (key == null) {
        return;
      }
      after = without(before, group);
    } while (!GROUPS.compareAndSet(this, before, after));
    channelGroups.discard(key, id);
  }

  @Override
  public Set<String> groups() {
    return groups.keySet();
  }

  private static Map<String, String> with(Map<String, String> groups, String name, String key) {
    if (groups.isEmpty()) {
      return Map.of(name, key);
    }
    Map<String, String> copy = new HashMap<>(groups);
    copy.put(name, key);
    return Map.copyOf(copy);
  }

  private static Map<String, String> without(Map<String, String> groups, String name) {
    Map<String, String> copy = new HashMap<>(groups);
    copy.remove(name);
    return Map.copyOf(copy);
  }

  @Override
  public void close(int code, String reason) {
    // What the handler sent before closing goes out first, joined or not.
    JoinGate joining = gate;
    if (joining != null) {
      joining.openNow();
      // Opened early, it would not clear itself when its joins complete.
      GATE.compareAndSet(this, joining, null);
    }
    Socket open = socket;
    if (open != null) {
      open.close(code, reason);
    }
  }

  @Override
  public String toString() {
    return "Connection[" + id + " " + upgrade.path() + "]";
  }
}
