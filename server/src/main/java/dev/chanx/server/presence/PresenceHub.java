package dev.chanx.server.presence;

import dev.chanx.core.codec.TextFrame;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
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
    store.start(this::event);
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
      Scope s = known != null ? known : new Scope(group);
      s.add(subscriber);
      return s;
    });
    requestState(scope, in, subscriber);
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

  private void requestState(String scope, Scope in, Subscriber subscriber) {
    store.state(scope).whenComplete((snapshot, failure) -> {
      if (failure == null) {
        in.state(subscriber, snapshot);
        return;
      }
      LOG.warn("Presence of {} could not be read ({}); trying again in {} ms", scope, failure.toString(),
          STATE_RETRY_MILLIS);
      schedule(() -> {
        if (in.has(subscriber)) {
          requestState(scope, in, subscriber);
        }
      }, TimeUnit.MILLISECONDS.toNanos(STATE_RETRY_MILLIS));
    });
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
    // Events sent to the others while this one waited for its state.
    List<PresenceEvent> early = new ArrayList<>();

    Subscriber(PresenceTarget target) {
      this.target = target;
    }
  }

  /** The connections of this node receiving one scope, and its events not sent yet. */
  private final class Scope {

    private final String group;
    private final Map<String, Subscriber> subscribers = new HashMap<>();
    private List<PresenceEvent> pending = new ArrayList<>();
    private boolean scheduled;
    private long lastFlush = System.nanoTime() - batchNanos;

    Scope(String group) {
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

    synchronized boolean has(Subscriber subscriber) {
      return subscribers.get(subscriber.target.id()) == subscriber;
    }

    synchronized void event(PresenceEvent event) {
      pending.add(event);
      if (!scheduled) {
        scheduled = true;
        schedule(this::flush, Math.max(0, lastFlush + batchNanos - System.nanoTime()));
      }
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
          subscriber.early.addAll(events);
        } else if (subscriber.from < first) {
          all = all != null ? all : PresenceMessages.diffs(group, events);
          send(subscriber, all);
        } else {
          send(subscriber, PresenceMessages.diffs(group, after(events, subscriber.from)));
        }
      }
    }

    synchronized void state(Subscriber subscriber, PresenceSnapshot snapshot) {
      if (subscribers.get(subscriber.target.id()) != subscriber || subscriber.from >= 0) {
        return;
      }
      subscriber.target.presenceFrame(PresenceMessages.state(group, snapshot.members()));
      subscriber.from = snapshot.seq();
      send(subscriber, PresenceMessages.diffs(group, after(subscriber.early, snapshot.seq())));
      subscriber.early = null;
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
