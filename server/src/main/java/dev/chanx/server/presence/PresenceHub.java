package dev.chanx.server.presence;

import dev.chanx.core.codec.TextFrame;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executors;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A server's presence: what its connections track and receive, on top of a {@link PresenceStore}.
 *
 * <p>A connection that receives a scope's presence gets {@code presence_state} once, then the
 * scope's joins and leaves in batches: events are gathered per scope and sent at most once per
 * batch period (the first at once after a quiet period), each run of joins or of leaves as one
 * frame. The state and the diffs never overlap nor leave a gap: diffs are numbered by the store
 * and a connection gets only those after its state.
 *
 * <p>Each scope this node serves is mirrored in memory: read from the store once, when its first
 * connection here subscribes, then kept current by the events the node receives for it anyway. A
 * later state is the mirror's, encoded once until the next change, so a join costs neither a read
 * of the store nor an encoding of its whole list.
 */
public final class PresenceHub {

  private static final Logger LOG = LoggerFactory.getLogger(PresenceHub.class);
  private static final long STATE_RETRY_MILLIS = 1_000;

  private final PresenceStore store;
  private final long batchNanos;
  // Scopes that this node's connections receive; events of other scopes are dropped on arrival.
  private final ConcurrentHashMap<String, Scope> scopes = new ConcurrentHashMap<>();
  // Connections that used presence: what each tracks and receives, undone when it closes.
  private final ConcurrentHashMap<String, Uses> connections = new ConcurrentHashMap<>();
  private volatile ScheduledExecutorService timer;

  /**
   * A hub on a store.
   *
   * @param store where members are kept
   * @param batch how long joins and leaves are gathered before they are sent
   */
  public PresenceHub(PresenceStore store, Duration batch) {
    this.store = Objects.requireNonNull(store, "store");
    this.batchNanos = batch.toNanos();
  }

  /** Starts the store and the batching timer. */
  public void start() {
    timer = Executors.newSingleThreadScheduledExecutor(task -> {
      Thread thread = new Thread(task, "chanx-presence");
      thread.setDaemon(true);
      return thread;
    });
    store.start(this::event, this::resync);
  }

  /** Stops the store (it untracks this node's connections) and the timer. */
  public void stop() {
    try {
      store.stop();
    } finally {
      ScheduledExecutorService now = timer;
      if (now != null) {
        now.shutdownNow();
      }
    }
  }

  /** {@return the store members are kept in} */
  public PresenceStore store() {
    return store;
  }

  void track(PresenceTarget target, String group, String key, String data) {
    String scope = target.presenceScope(group);
    Uses uses = connections.computeIfAbsent(target.id(), id -> new Uses());
    synchronized (uses) {
      uses.tracked.add(scope);
    }
    // Tracked first, so that the state the connection then gets (read after, in order) has it.
    store.track(scope, target.id(), key, data);
    subscribe(target, group);
    if (!target.presenceOpen()) {
      closed(target.id());
    }
  }

  void untrack(PresenceTarget target, String group) {
    String scope = target.presenceScope(group);
    Uses uses = connections.get(target.id());
    if (uses == null) {
      return;
    }
    synchronized (uses) {
      if (!uses.tracked.remove(scope)) {
        return;
      }
    }
    store.untrack(scope, target.id());
  }

  void subscribe(PresenceTarget target, String group) {
    String scope = target.presenceScope(group);
    Uses uses = connections.computeIfAbsent(target.id(), id -> new Uses());
    synchronized (uses) {
      if (!uses.subscribed.add(scope)) {
        return;
      }
    }
    Subscriber subscriber = new Subscriber(target);
    Scope in = scopes.compute(scope, (k, known) -> {
      Scope s = known != null ? known : new Scope(scope, group);
      s.add(subscriber);
      return s;
    });
    in.ready(subscriber);
    if (!target.presenceOpen()) {
      closed(target.id());
    }
  }

  void unsubscribe(PresenceTarget target, String group) {
    String scope = target.presenceScope(group);
    Uses uses = connections.get(target.id());
    if (uses == null) {
      return;
    }
    synchronized (uses) {
      if (!uses.subscribed.remove(scope)) {
        return;
      }
    }
    drop(scope, target.id());
  }

  /**
   * Undoes what a connection tracked and received; called when it closes.
   *
   * @param connectionId the connection
   */
  public void closed(String connectionId) {
    Uses uses = connections.remove(connectionId);
    if (uses == null) {
      return;
    }
    Set<String> tracked;
    Set<String> subscribed;
    synchronized (uses) {
      tracked = new HashSet<>(uses.tracked);
      subscribed = new HashSet<>(uses.subscribed);
    }
    for (String scope : tracked) {
      store.untrack(scope, connectionId);
    }
    for (String scope : subscribed) {
      drop(scope, connectionId);
    }
  }

  private void drop(String scope, String connectionId) {
    scopes.computeIfPresent(scope, (k, s) -> s.remove(connectionId) ? null : s);
  }

  /**
   * {@return whether the connection receives the group's presence; if so, it is sent the group's
   * state again, as chanx-kit's {@code presence_request} asks}
   *
   * @param target the connection
   * @param group the group's name
   */
  public boolean request(PresenceTarget target, String group) {
    String scope = target.presenceScope(group);
    Uses uses = connections.get(target.id());
    if (uses == null) {
      return false;
    }
    synchronized (uses) {
      if (!uses.subscribed.contains(scope)) {
        return false;
      }
    }
    Scope in = scopes.get(scope);
    if (in != null) {
      in.again(target.id());
    }
    return true;
  }

  // The store may have lost events: every mirror is read again.
  private void resync() {
    for (Scope scope : scopes.values()) {
      scope.resync();
    }
  }

  private void event(PresenceEvent event) {
    Scope in = scopes.get(event.scope());
    if (in != null) {
      in.event(event);
    }
  }

  private void schedule(Runnable task, long nanos) {
    try {
      timer.schedule(task, nanos, TimeUnit.NANOSECONDS);
    } catch (RejectedExecutionException stopped) {
      // The server is stopping: nobody is left to send to.
    }
  }

  /** What one connection tracks and receives, by scope. */
  private static final class Uses {
    final Set<String> tracked = new HashSet<>(2);
    final Set<String> subscribed = new HashSet<>(2);
  }

  /** A connection receiving a scope: waiting for its state ({@code from} below 0) or past event {@code from}. */
  private static final class Subscriber {
    final PresenceTarget target;
    long from = -1;

    Subscriber(PresenceTarget target) {
      this.target = target;
    }
  }

  /**
   * The connections of this node receiving one scope, a mirror of who is present in it, and its
   * events not sent yet.
   *
   * <p>The mirror is read from the store once, when the scope's first connection here subscribes,
   * then kept current by the events this node receives anyway; so a later subscriber's state, and
   * a {@code presence_request}, come from memory, encoded once until the next change. When the store
   * may have lost events (a resync), the mirror is read again and the difference sent as diffs.
   */
  private final class Scope {

    private final String scope;
    private final String group;
    private final Map<String, Subscriber> subscribers = new HashMap<>();
    // Who is present as of event seq; null until the first read arrives.
    private LinkedHashMap<String, String> members;
    private long seq = -1;
    // A read of the store is on its way: events meanwhile wait here, to be applied after it.
    private boolean reading;
    // A resync came while a read was on its way, which may predate the events lost: read again after it.
    private boolean readAgain;
    private List<PresenceEvent> early = new ArrayList<>();
    // The members' presence_state, encoded once per change of the mirror.
    private TextFrame state;
    private List<PresenceEvent> pending = new ArrayList<>();
    private boolean scheduled;
    private long lastFlush = System.nanoTime() - batchNanos;

    Scope(String scope, String group) {
      this.scope = scope;
      this.group = group;
    }

    synchronized void add(Subscriber subscriber) {
      subscribers.put(subscriber.target.id(), subscriber);
    }

    /** Removes a connection; true when none is left. */
    synchronized boolean remove(String connectionId) {
      subscribers.remove(connectionId);
      return subscribers.isEmpty();
    }

    /** Sends a new subscriber its state from the mirror, or reads the mirror first when there is none. */
    void ready(Subscriber subscriber) {
      synchronized (this) {
        if (subscribers.get(subscriber.target.id()) != subscriber) {
          return;
        }
        if (members != null) {
          sendState(subscriber);
          return;
        }
        if (reading) {
          return;
        }
        reading = true;
      }
      read();
    }

    /** Sends the state again to a connection that has had it ({@code presence_request}). */
    synchronized void again(String connectionId) {
      Subscriber subscriber = subscribers.get(connectionId);
      if (subscriber != null && subscriber.from >= 0 && members != null) {
        sendState(subscriber);
      }
    }

    /** Reads the mirror again: the store may have lost events. */
    void resync() {
      synchronized (this) {
        if (reading) {
          readAgain = true;
          return;
        }
        if (members == null) {
          return;
        }
        reading = true;
      }
      read();
    }

    // Never under this scope's lock: a store may call event() from inside state(), holding its own.
    private void read() {
      store.state(scope).whenComplete((snapshot, failure) -> {
        if (failure == null) {
          loaded(snapshot);
          return;
        }
        LOG.warn("Presence of {} could not be read ({}); trying again in {} ms", scope, failure.toString(),
            STATE_RETRY_MILLIS);
        schedule(() -> {
          if (scopes.get(scope) == this) {
            read();
          }
        }, TimeUnit.MILLISECONDS.toNanos(STATE_RETRY_MILLIS));
      });
    }

    private void loaded(PresenceSnapshot snapshot) {
      boolean again;
      synchronized (this) {
        mirror(snapshot);
        again = readAgain;
        readAgain = false;
        reading = again;
      }
      if (again) {
        read();
      }
    }

    private void mirror(PresenceSnapshot snapshot) {
      LinkedHashMap<String, String> old = members;
      members = new LinkedHashMap<>(snapshot.members());
      seq = snapshot.seq();
      state = null;
      reading = false;
      if (old != null) {
        // A resync: what changed unseen goes to those who have their state, as joins and leaves.
        old.forEach((key, data) -> {
          if (!members.containsKey(key)) {
            pending.add(new PresenceEvent(scope, seq, false, key, data));
          }
        });
        members.forEach((key, data) -> {
          if (!old.containsKey(key)) {
            pending.add(new PresenceEvent(scope, seq, true, key, data));
          }
        });
      }
      List<PresenceEvent> waited = early;
      early = new ArrayList<>();
      for (PresenceEvent event : waited) {
        apply(event);
      }
      for (Subscriber subscriber : subscribers.values()) {
        if (subscriber.from < 0) {
          sendState(subscriber);
        }
      }
      scheduleFlush();
    }

    synchronized void event(PresenceEvent event) {
      if (reading) {
        early.add(event);
      } else if (members != null) {
        apply(event);
        scheduleFlush();
      }
      // No mirror and no read yet: the read this scope's first subscriber is about to make includes it.
    }

    private void apply(PresenceEvent event) {
      if (event.seq() <= seq) {
        return;
      }
      seq = event.seq();
      if (event.join()) {
        members.put(event.key(), event.data());
      } else {
        members.remove(event.key());
      }
      state = null;
      pending.add(event);
    }

    private void scheduleFlush() {
      if (!scheduled && !pending.isEmpty()) {
        scheduled = true;
        schedule(this::flush, Math.max(0, lastFlush + batchNanos - System.nanoTime()));
      }
    }

    private void sendState(Subscriber subscriber) {
      if (state == null) {
        state = PresenceMessages.state(group, members);
      }
      subscriber.target.presenceFrame(state);
      subscriber.from = seq;
    }

    synchronized void flush() {
      scheduled = false;
      lastFlush = System.nanoTime();
      List<PresenceEvent> events = pending;
      pending = new ArrayList<>();
      if (events.isEmpty()) {
        return;
      }
      long first = events.get(0).seq();
      List<TextFrame> all = null;
      for (Subscriber subscriber : subscribers.values()) {
        if (subscriber.from < 0) {
          continue;
        } else if (subscriber.from < first) {
          all = all != null ? all : PresenceMessages.diffs(group, events);
          send(subscriber, all);
        } else {
          send(subscriber, PresenceMessages.diffs(group, after(events, subscriber.from)));
        }
      }
    }

    private void send(Subscriber subscriber, List<TextFrame> frames) {
      for (TextFrame frame : frames) {
        subscriber.target.presenceFrame(frame);
      }
    }

    private List<PresenceEvent> after(List<PresenceEvent> events, long seq) {
      List<PresenceEvent> later = new ArrayList<>(events.size());
      for (PresenceEvent event : events) {
        if (event.seq() > seq) {
          later.add(event);
        }
      }
      return later;
    }
  }
}
