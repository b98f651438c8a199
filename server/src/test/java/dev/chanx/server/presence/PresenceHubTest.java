package dev.chanx.server.presence;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.chanx.core.codec.TextFrame;
import java.time.Duration;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Consumer;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** The hub's mirror of a group: read from the store once, kept by events, read again on a resync. */
class PresenceHubTest {

  private final Flaky store = new Flaky(new InMemoryPresence());
  private final PresenceHub hub = new PresenceHub(store, Duration.ZERO);

  PresenceHubTest() {
    hub.start();
  }

  @AfterEach
  void stop() {
    hub.stop();
  }

  @Test
  void laterSubscribersGetTheStateFromTheMirrorWithoutReadingTheStore() throws Exception {
    Target alice = new Target("a");
    hub.track(alice, "room1", "Alice", "{\"name\":\"Alice\"}");
    assertEquals("{\"action\":\"presence_state\",\"payload\":{\"scope\":\"room1\",\"members\":"
        + "[{\"id\":\"Alice\",\"data\":{\"name\":\"Alice\"}}]}}", alice.next());
    Target bob = new Target("b");
    hub.track(bob, "room1", "Bob", "{\"name\":\"Bob\"}");
    assertTrue(bob.next().contains("\"members\":[{\"id\":\"Alice\",\"data\":{\"name\":\"Alice\"}},"
        + "{\"id\":\"Bob\",\"data\":{\"name\":\"Bob\"}}]"));
    assertTrue(alice.next().startsWith("{\"action\":\"presence_join\""));
    Target carol = new Target("c");
    hub.subscribe(carol, "room1");
    assertTrue(carol.next().contains("\"id\":\"Bob\""));
    assertEquals(1, store.reads.get(), "one read of the store for the group, then its mirror");
    assertNull(bob.frames.poll(200, TimeUnit.MILLISECONDS), "its own join is in its state, not after it");
    hub.closed("b");
    assertTrue(alice.next().startsWith("{\"action\":\"presence_leave\""));
    assertTrue(carol.next().startsWith("{\"action\":\"presence_leave\""));
  }

  @Test
  void aRequestSendsTheStateAgainOnlyForAGroupTheConnectionReceives() throws Exception {
    Target alice = new Target("a");
    hub.track(alice, "room1", "Alice", "{}");
    String state = alice.next();
    assertTrue(hub.request(alice, "room1"));
    assertEquals(state, alice.next());
    assertFalse(hub.request(alice, "room2"));
    assertFalse(hub.request(new Target("stranger"), "room1"));
    assertNull(alice.frames.poll(200, TimeUnit.MILLISECONDS));
  }

  @Test
  void aResyncSendsWhatChangedWhileEventsWereLostAsJoinsAndLeaves() throws Exception {
    Target watcher = new Target("w");
    hub.subscribe(watcher, "room1");
    Target bob = new Target("b");
    hub.track(bob, "room1", "Bob", "{}");
    assertTrue(watcher.next().startsWith("{\"action\":\"presence_state\""));
    assertTrue(watcher.next().contains("\"presence_join\",\"payload\":{\"scope\":\"room1\",\"members\":[{\"id\":\"Bob\""));
    store.deaf = true;
    store.track("chat/room1", "x", "Xavier", "{}");
    store.untrack("chat/room1", "b");
    assertNull(watcher.frames.poll(200, TimeUnit.MILLISECONDS), "events lost: nothing arrives");
    store.deaf = false;
    store.resync.run();
    String both = watcher.next() + watcher.next();
    assertTrue(both.contains("{\"action\":\"presence_join\",\"payload\":{\"scope\":\"room1\",\"members\":[{\"id\":\"Xavier\""),
        both);
    assertTrue(both.contains("{\"action\":\"presence_leave\",\"payload\":{\"scope\":\"room1\",\"members\":[{\"id\":\"Bob\""),
        both);
    assertEquals(2, store.reads.get());
  }

  /** A store that counts its reads and can lose events, as a broken subscription does. */
  private static final class Flaky implements PresenceStore {
    final PresenceStore inner;
    final AtomicInteger reads = new AtomicInteger();
    volatile boolean deaf;
    volatile Runnable resync;

    Flaky(PresenceStore inner) {
      this.inner = inner;
    }

    @Override
    public void start(Consumer<PresenceEvent> events) {
      throw new AssertionError("the hub asks for resyncs");
    }

    @Override
    public void start(Consumer<PresenceEvent> events, Runnable resync) {
      this.resync = resync;
      inner.start(event -> {
        if (!deaf) {
          events.accept(event);
        }
      });
    }

    @Override
    public void track(String scope, String connectionId, String key, String data) {
      inner.track(scope, connectionId, key, data);
    }

    @Override
    public void untrack(String scope, String connectionId) {
      inner.untrack(scope, connectionId);
    }

    @Override
    public CompletionStage<PresenceSnapshot> state(String scope) {
      reads.incrementAndGet();
      return inner.state(scope);
    }
  }

  private static final class Target implements PresenceTarget {
    final String id;
    final BlockingQueue<String> frames = new LinkedBlockingQueue<>();

    Target(String id) {
      this.id = id;
    }

    String next() throws InterruptedException {
      String frame = frames.poll(5, TimeUnit.SECONDS);
      assertNotNull(frame, "no frame arrived");
      return frame;
    }

    @Override
    public String id() {
      return id;
    }

    @Override
    public String presenceScope(String group) {
      return "chat/" + group;
    }

    @Override
    public boolean presenceOpen() {
      return true;
    }

    @Override
    public void presenceFrame(TextFrame frame) {
      frames.add(frame.text());
    }
  }
}
